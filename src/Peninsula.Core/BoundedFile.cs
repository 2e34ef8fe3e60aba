namespace Peninsula.Core;

/// <summary>
/// Reads a file whole, but never more than a limit: the file is read in chunks, so neither a huge file nor a device that
/// never ends (<c>/dev/zero</c>) is held in memory. Every reader of user-supplied files goes through it.
/// </summary>
public static class BoundedFile
{
    /// <summary>
    /// The file's bytes, or null when it holds more than <paramref name="maxBytes"/>. Opening and reading errors
    /// (missing file, permissions, a directory) propagate as the usual <see cref="IOException"/>s, for the caller to
    /// report against its own file name.
    /// </summary>
    public static byte[]? ReadAllBytes(string path, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
