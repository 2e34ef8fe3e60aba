using System.Text;
using Peninsula.Cli.Infrastructure;
using Peninsula.Engine.Output;

namespace Peninsula.Reporting;

/// <summary>
/// Writes a report folder atomically: everything is built in a temporary folder beside the target and moved into
/// place at the end, so an interrupted run leaves either the previous report or the new one, never half of one.
/// </summary>
public static class ReportWriter
{
    /// <summary>The page's file name.</summary>
    public const string IndexFile = "index.html";

    /// <summary>The forecasts and paired differences as JSON.</summary>
    public const string ForecastFile = "forecast.json";

    /// <summary>The chart folder.</summary>
    public const string ChartFolder = "charts";

    /// <summary>
    /// Fails early (before any simulation) when <paramref name="dir"/> cannot become a report folder: its parent is
    /// missing, it is a file, or it is a non-empty folder that is not an earlier report (which would be replaced).
    /// </summary>
    /// <exception cref="UserErrorException">One line naming the folder.</exception>
    public static void CheckTarget(string dir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dir);
        var full = Full(dir);
        var parent = Path.GetDirectoryName(full);
        if (parent is null) throw new UserErrorException($"--out: '{dir}' cannot be a report folder (it is a file-system root)");
        if (!Directory.Exists(parent)) throw new UserErrorException($"--out: folder '{parent}' does not exist");
        if (File.Exists(full)) throw new UserErrorException($"--out: '{dir}' is a file, not a folder");
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any() && !IsReport(full))
            throw new UserErrorException($"--out: folder '{dir}' exists and does not hold a Peninsula report; choose a new or empty folder (it would be replaced)");
    }

    /// <summary>Writes index.html, charts/*.png and *.svg and forecast.json into <paramref name="dir"/>, replacing an earlier report there.</summary>
    /// <returns>The full path of index.html.</returns>
    public static string Write(string dir, ForecastReport report, IReadOnlyList<ReportChart> charts)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(charts);
        CheckTarget(dir);
        var html = ReportHtml.Render(report, charts);
        var json = ForecastJson.WriteComparison(report.Forecasts, report.Inputs.Differences);
        var full = Full(dir);
        var parent = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        var tmp = Path.Combine(parent, $".{name}.tmp-{Environment.ProcessId}");
        var old = Path.Combine(parent, $".{name}.old-{Environment.ProcessId}");
        try
        {
            if (Directory.Exists(tmp)) Directory.Delete(tmp, recursive: true);
            Directory.CreateDirectory(Path.Combine(tmp, ChartFolder));
            foreach (var c in charts)
            {
                File.WriteAllBytes(Path.Combine(tmp, ChartFolder, c.Id + ".png"), c.Image.Png);
                File.WriteAllText(Path.Combine(tmp, ChartFolder, c.Id + ".svg"), ReportHtml.RenumberIds(c.Image.Svg, "clip"), Utf8);
            }
            File.WriteAllText(Path.Combine(tmp, ForecastFile), json, Utf8);
            // The page last: a folder with index.html in it is complete.
            File.WriteAllText(Path.Combine(tmp, IndexFile), html, Utf8);
            if (Directory.Exists(full))
            {
                if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
                Directory.Move(full, old);
                try
                {
                    Directory.Move(tmp, full);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Directory.Move(old, full); // put the earlier report back
                    throw;
                }
                TryDelete(old);
            }
            else
            {
                Directory.Move(tmp, full);
            }
        }
        finally
        {
            if (Directory.Exists(tmp)) TryDelete(tmp);
        }
        return Path.Combine(full, IndexFile);
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static string Full(string dir) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));

    private static bool IsReport(string folder)
    {
        var index = Path.Combine(folder, IndexFile);
        if (!File.Exists(index)) return false;
        using var reader = new StreamReader(index);
        var head = new char[2048];
        var n = reader.ReadBlock(head, 0, head.Length);
        return new string(head, 0, n).Contains($"<meta name=\"generator\" content=\"{ReportHtml.Generator}\"/>", StringComparison.Ordinal);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temporary folder is harmless and replaced by the next run.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
