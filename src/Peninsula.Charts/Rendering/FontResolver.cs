using SkiaSharp;

namespace Peninsula.Charts.Rendering;

/// <summary>Chooses a font family that is installed, so text never silently disappears.</summary>
internal static class FontResolver
{
    private static readonly string[] Preferred = ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Noto Sans", "FreeSans"];

    private static readonly Lazy<HashSet<string>> Installed = new(() =>
        new HashSet<string>(SKFontManager.Default.GetFontFamilies(), StringComparer.OrdinalIgnoreCase));

    private static readonly Lazy<string> Automatic = new(() =>
        Preferred.FirstOrDefault(IsInstalled) ?? ScottPlot.Fonts.Default);

    /// <summary>The requested family if installed, else the automatic choice.</summary>
    public static string Resolve(string? requested) =>
        requested is not null && IsInstalled(requested) ? requested : Automatic.Value;

    public static bool IsInstalled(string family) => Installed.Value.Contains(family);
}
