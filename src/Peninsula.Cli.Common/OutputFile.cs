namespace Peninsula.Cli.Infrastructure;

/// <summary>Writes result files so that an interrupted write never leaves a half-written file.</summary>
public static class OutputFile
{
    /// <summary>Fails early (before any simulation) when the output folder does not exist.</summary>
    public static void CheckWritable(string? path)
    {
        if (path is null) return;
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null && !Directory.Exists(dir)) throw new UserErrorException($"--out: folder '{dir}' does not exist");
    }

    /// <summary>Writes to a temporary file in the same folder, then renames it over the target.</summary>
    public static void WriteAtomically(string path, string content)
    {
        var full = Path.GetFullPath(path);
        var tmp = full + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(tmp, content);
        File.Move(tmp, full, overwrite: true);
    }
}
