namespace Peninsula.History.Parsing;

/// <summary>Reads a file whole, but never more than a limit: a huge file, or a device that never ends, is refused.</summary>
internal static class BoundedFile
{
    /// <summary>
    /// The file's bytes; null when it does not exist. Problems (unreadable, larger than <see cref="HistoricalData.MaxFileBytes"/>)
    /// are logged against <paramref name="name"/> and give an empty array.
    /// </summary>
    public static byte[]? Read(string path, string name, ErrorLog log)
    {
        try
        {
            if (!File.Exists(path))
                return null;
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            using var output = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (output.Length + read > HistoricalData.MaxFileBytes)
                {
                    log.Add(name, 1, null, TooLarge);
                    return [];
                }
                output.Write(chunk, 0, read);
            }
            return output.ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.Add(name, 0, null, "cannot be read: " + ex.Message);
            return [];
        }
    }

    /// <summary>The problem reported for a file over the limit.</summary>
    public static string TooLarge { get; } = $"file is larger than {HistoricalData.MaxFileBytes >> 20} MiB";
}
