using System.Text.RegularExpressions;

namespace Peninsula.Web.Infrastructure;

/// <summary>
/// The one folder the app writes to. Every path it hands out is built from fixed names and server-made ids
/// (checked to be lowercase hex) and is verified to stay inside the folder, so nothing a request carries can
/// reach another file.
/// </summary>
public sealed partial class DataFolder
{
    /// <summary>Opens (creating if needed) the folder and its sub-folders.</summary>
    public DataFolder(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Jobs);
        Directory.CreateDirectory(Edits);
        // Keep generated files out of version control when the folder sits in the repository (the default).
        var ignore = Path.Combine(Root, ".gitignore");
        if (!File.Exists(ignore)) File.WriteAllText(ignore, "# written by 'peninsula serve'\n*\n");
    }

    /// <summary>Absolute path of the folder.</summary>
    public string Root { get; }

    /// <summary>The SQLite database of runs.</summary>
    public string Database => Path.Combine(Root, "peninsula.db");

    /// <summary>Job records, one JSON file per job.</summary>
    public string Jobs => Path.Combine(Root, "jobs");

    /// <summary>Edited scenarios, one content-addressed folder per distinct edit.</summary>
    public string Edits => Path.Combine(Root, "edits");

    /// <summary>True for a lowercase hex id of 16 to 64 characters (job ids, run ids, content hashes).</summary>
    public static bool IsId(string? id) => id is { Length: >= 16 and <= 64 } && HexId().IsMatch(id);

    /// <summary>The record file of job <paramref name="jobId"/>.</summary>
    /// <exception cref="ArgumentException">The id is not a hex id.</exception>
    public string JobFile(string jobId) => Inside(Path.Combine(Jobs, RequireId(jobId) + ".json"));

    /// <summary>The folder of the edit with content hash <paramref name="hash"/>.</summary>
    /// <exception cref="ArgumentException">The hash is not a hex id.</exception>
    public string EditFolder(string hash) => Inside(Path.Combine(Edits, RequireId(hash)));

    /// <summary>
    /// <paramref name="path"/> as an absolute path, after checking that it lies inside the data folder.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">The path leaves the folder.</exception>
    public string Inside(string path)
    {
        var full = Path.GetFullPath(path);
        var prefix = Root.EndsWith(Path.DirectorySeparatorChar) ? Root : Root + Path.DirectorySeparatorChar;
        if (!full.StartsWith(prefix, StringComparison.Ordinal))
            throw new UnauthorizedAccessException($"'{path}' is outside the data folder");
        return full;
    }

    private static string RequireId(string id) =>
        IsId(id) ? id : throw new ArgumentException("expected a lowercase hex id of 16-64 characters", nameof(id));

    [GeneratedRegex("^[0-9a-f]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HexId();
}
