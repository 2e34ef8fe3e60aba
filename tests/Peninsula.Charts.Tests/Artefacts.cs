namespace Peninsula.Charts.Tests;

/// <summary>Writes rendered charts (PNG and SVG) to TestResults/charts/ under the test output folder for people to look at.</summary>
internal static class Artefacts
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "charts");

    public static string Write(string name, ChartImage chart)
    {
        Directory.CreateDirectory(Folder);
        string path = Path.Combine(Folder, name + ".png");
        chart.Save(path);
        chart.Save(Path.ChangeExtension(path, ".svg"));
        return path;
    }
}
