namespace Peninsula.History.Tests.Support;

/// <summary>Paths inside the repository, found by walking up from the test binaries to <c>Peninsula.slnx</c>.</summary>
internal static class Repo
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root (the folder holding Peninsula.slnx).</summary>
    public static string Root => RootPath.Value;

    /// <summary>The repository's curated data folder.</summary>
    public static string Data => Path.Combine(Root, "data");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Peninsula.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Peninsula.slnx not found above " + AppContext.BaseDirectory);
    }
}
