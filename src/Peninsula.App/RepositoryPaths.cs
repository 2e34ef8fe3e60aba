namespace Peninsula.App;

/// <summary>Locates the repository (scenarios/, data/) the CLI works with.</summary>
public static class RepositoryPaths
{
    /// <summary>
    /// The repository root: $PENINSULA_HOME when set (the ./peninsula launcher sets it), else the first folder
    /// containing Peninsula.slnx walking up from the working directory, then from the executable.
    /// </summary>
    public static string Root()
    {
        var env = Environment.GetEnvironmentVariable("PENINSULA_HOME");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return Path.GetFullPath(env);
        return Find(Directory.GetCurrentDirectory()) ?? Find(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();
    }

    /// <summary>The built-in default scenario.</summary>
    public static string DefaultScenario() => Path.Combine(Root(), "scenarios", "transition-2021.yaml");

    /// <summary>The project's data folder.</summary>
    public static string DataFolder() => Path.Combine(Root(), "data");

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Peninsula.slnx"))) return dir.FullName;
        }
        return null;
    }
}
