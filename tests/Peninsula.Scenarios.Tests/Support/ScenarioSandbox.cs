namespace Peninsula.Scenarios.Tests.Support;

/// <summary>
/// A unique temporary folder laid out to catch reads outside a scenario tree:
/// <code>
/// OUTER/secret.yaml            a valid YAML mapping holding <see cref="Marker"/> (outside the tree)
/// OUTER/scenarios/             the tree: copies of base.yaml and transition-2021.yaml
/// OUTER/scenarios/link.yaml    symbolic link to ../secret.yaml
/// OUTER/scenarios/up           symbolic link to .. (so up/secret.yaml is the secret)
/// </code>
/// If the loader ever read the secret, its marker would show in <see cref="LoadResult.Text"/> or an error.
/// Links are left out where the system refuses to create them (<see cref="HasLinks"/>). Deleted on dispose.
/// </summary>
internal sealed class ScenarioSandbox : IDisposable
{
    /// <summary>Text found only in the secret file.</summary>
    public const string Marker = "SENTINEL-5d41402abc4b2a76";

    public ScenarioSandbox()
    {
        Outer = Path.Combine(Path.GetTempPath(), "peninsula-sandbox-" + Guid.NewGuid().ToString("N"));
        Tree = Path.Combine(Outer, "scenarios");
        Directory.CreateDirectory(Tree);
        Secret = Path.Combine(Outer, "secret.yaml");
        File.WriteAllText(Secret, $"secret: {Marker}\nname: {Marker}\n");
        foreach (var name in new[] { "base.yaml", "transition-2021.yaml" }) File.Copy(Repo.Scenario(name), PathOf(name));
        try
        {
            File.CreateSymbolicLink(PathOf("link.yaml"), Path.Combine("..", "secret.yaml"));
            Directory.CreateSymbolicLink(PathOf("up"), "..");
            HasLinks = true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            HasLinks = false;
        }
    }

    /// <summary>The unique folder (outside the tree).</summary>
    public string Outer { get; }

    /// <summary>The scenario tree, <c>OUTER/scenarios</c>.</summary>
    public string Tree { get; }

    /// <summary>The secret file, outside the tree.</summary>
    public string Secret { get; }

    /// <summary>Whether the symbolic links could be made.</summary>
    public bool HasLinks { get; }

    /// <summary>A path inside the tree.</summary>
    public string PathOf(string relative) => Path.Combine(Tree, relative);

    /// <summary>Writes <paramref name="text"/> to <paramref name="relative"/> in the tree (creating folders); returns its path.</summary>
    public string Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Null when neither the text nor an error of <paramref name="result"/> shows the secret; otherwise what leaked.</summary>
    public static string? Leak(LoadResult result)
    {
        if (result.Text.Contains(Marker, StringComparison.Ordinal)) return "the secret file outside the tree was read";
        var error = result.Errors.FirstOrDefault(e => e.ToString().Contains(Marker, StringComparison.Ordinal) || Path.GetFileName(e.File) == "secret.yaml");
        return error is null ? null : "an error shows the secret file: " + error;
    }

    public void Dispose()
    {
        try
        {
            // Links first, so that deleting the tree never follows them.
            foreach (var link in new[] { PathOf("link.yaml"), PathOf("up") })
            {
                if (new FileInfo(link).LinkTarget is not null) File.Delete(link);
            }
            Directory.Delete(Outer, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
