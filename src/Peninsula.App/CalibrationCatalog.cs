using Peninsula.Cli.Infrastructure;
using Peninsula.Core;
using Peninsula.Estimation;

namespace Peninsula.App;

/// <summary>The calibrations shipped in the repository's calibrations/ folder, and reading one with CLI errors.</summary>
public static class CalibrationCatalog
{
    /// <summary>The repository's calibrations folder.</summary>
    public static string Folder() => Path.Combine(RepositoryPaths.Root(), "calibrations");

    /// <summary>
    /// The calibration file with the latest cutoff strictly before <paramref name="start"/> (so the fit never saw
    /// the forecast period), or null. Files are named by their cutoff, YYYY-MM.json.
    /// </summary>
    public static string? NewestBefore(Month start)
    {
        var folder = Folder();
        if (!Directory.Exists(folder)) return null;
        string? best = null;
        var bestCut = default(Month);
        foreach (var file in Directory.GetFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            if (!Month.TryParse(Path.GetFileNameWithoutExtension(file), out var cut) || cut >= start) continue;
            if (best is null || cut > bestCut) { best = file; bestCut = cut; }
        }
        return best;
    }

    /// <summary>Reads a calibration; any problem becomes a one-line user error.</summary>
    public static Calibration Read(string file)
    {
        if (!File.Exists(file)) throw new UserErrorException($"--calibration: file '{file}' not found");
        try
        {
            return Calibration.Read(file);
        }
        catch (CalibrationException e)
        {
            throw new UserErrorException(e.Message);
        }
    }
}
