namespace Peninsula.Scenarios;

/// <summary>
/// Resolves every symbolic link (and junction) in a path, component by component from the root, so that what is
/// checked against the scenario folder is the file that will be opened. Components that do not exist are kept as
/// written (they cannot be links).
/// </summary>
internal static class RealPath
{
    /// <summary>Most links followed in one path (as POSIX's <c>SYMLOOP_MAX</c> is commonly 40).</summary>
    public const int MaxLinks = 40;

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    /// <summary>The absolute path with no link left in it, or null when links loop or nest deeper than <see cref="MaxLinks"/>.</summary>
    /// <exception cref="ArgumentException">Not a valid path (e.g. it holds a NUL).</exception>
    public static string? Of(string path)
    {
        path = Path.GetFullPath(path);
        var links = 0;
        var i = Path.GetPathRoot(path)!.Length;
        while (i < path.Length)
        {
            var next = path.IndexOfAny(Separators, i);
            var end = next < 0 ? path.Length : next;
            if (end == i)
            {
                i = end + 1;
                continue;
            }
            var prefix = path[..end];
            if (LinkTarget(prefix) is not { } target)
            {
                i = end + 1;
                continue;
            }
            if (++links > MaxLinks) return null;
            // A relative target is relative to the link's folder, which is already free of links.
            var resolved = Path.GetFullPath(target, Path.GetDirectoryName(prefix) ?? Path.GetPathRoot(path)!);
            path = next < 0 ? resolved : Path.GetFullPath(Path.Join(resolved, path[(end + 1)..]));
            i = Path.GetPathRoot(path)!.Length;
        }
        return path;
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // not readable as a link: opening it will report the problem
        }
    }
}
