namespace Peninsula.History.Tests.Support;

/// <summary>A uniquely named folder under the temp path, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"peninsula-history-{Guid.NewGuid():N}");

    public TempFolder() => Directory.CreateDirectory(Path);

    /// <summary>Copies every file of the repository's data folder here.</summary>
    public TempFolder WithDataCopy()
    {
        foreach (var file in Directory.GetFiles(Repo.Data))
            System.IO.File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file)));
        return this;
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}
