namespace Peninsula.Scenarios;

/// <summary>
/// The folder a scenario may read other files from (<c>extends:</c> bases, the agreement zone's issue space): the
/// folder given to the loader, or by default the nearest ancestor folder of the scenario file named
/// <c>scenarios</c>, else the scenario file's own folder. Paths are compared after resolving <c>..</c> and every
/// symbolic link, so neither <c>../../etc/passwd</c>, an absolute path, nor a link pointing out escapes it.
/// </summary>
internal sealed class ScenarioTree
{
    /// <summary>The folder name that marks a scenario tree.</summary>
    public const string FolderName = "scenarios";

    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private ScenarioTree(string root) => Root = root;

    /// <summary>The folder, absolute and free of links.</summary>
    public string Root { get; }

    /// <summary>The tree of the scenario at <paramref name="scenarioFile"/> (an absolute path), or of <paramref name="root"/> when given.</summary>
    /// <exception cref="ArgumentException">The folder is not a valid path.</exception>
    public static ScenarioTree For(string scenarioFile, string? root)
    {
        var folder = root is null ? DefaultRoot(scenarioFile) : Path.GetFullPath(root);
        return new ScenarioTree(RealPath.Of(folder) ?? folder);
    }

    /// <summary>The nearest ancestor folder of <paramref name="scenarioFile"/> named <c>scenarios</c>, else its own folder.</summary>
    public static string DefaultRoot(string scenarioFile)
    {
        var own = Path.GetDirectoryName(Path.GetFullPath(scenarioFile)) ?? Path.GetPathRoot(Path.GetFullPath(scenarioFile))!;
        for (var dir = own; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (string.Equals(Path.GetFileName(dir), FolderName, PathComparison)) return dir;
        }
        return own;
    }

    /// <summary>
    /// Resolves <paramref name="path"/> (absolute) to the file that would be opened. Returns the resolved path when
    /// it lies inside the tree; otherwise null, with <paramref name="problem"/> saying why.
    /// </summary>
    public string? Resolve(string path, out string? problem)
    {
        string? real;
        try
        {
            real = RealPath.Of(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            problem = "is not a valid file path";
            return null;
        }
        if (real is null)
        {
            problem = $"cannot be resolved (more than {RealPath.MaxLinks} symbolic links)";
            return null;
        }
        if (!Contains(real))
        {
            problem = $"is outside the scenario folder '{Root}'";
            return null;
        }
        problem = null;
        return real;
    }

    /// <summary>Whether the resolved <paramref name="real"/> path is the root or lies below it.</summary>
    public bool Contains(string real)
    {
        if (string.Equals(real, Root, PathComparison)) return true;
        var prefix = Path.EndsInDirectorySeparator(Root) ? Root : Root + Path.DirectorySeparatorChar;
        return real.StartsWith(prefix, PathComparison);
    }
}
