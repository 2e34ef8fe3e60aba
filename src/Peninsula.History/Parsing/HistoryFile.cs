namespace Peninsula.History.Parsing;

/// <summary>Reads a historical data file whole (<see cref="Core.BoundedFile"/>), problems logged against the file.</summary>
internal static class HistoryFile
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
            var bytes = Core.BoundedFile.ReadAllBytes(path, HistoricalData.MaxFileBytes);
            if (bytes is null)
            {
                log.Add(name, 1, null, TooLarge);
                return [];
            }
            return bytes;
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
