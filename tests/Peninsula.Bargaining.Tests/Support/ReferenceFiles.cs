namespace Peninsula.Bargaining.Tests.Support;

/// <summary>Paths and bytes of the reference cases copied to the test output directory.</summary>
internal static class ReferenceFiles
{
    public static string Root { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Reference");

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static byte[] Bytes(params string[] parts) => File.ReadAllBytes(Path(parts));

    public static string KtabInput(string scenario) => Path("ktab", scenario, "input.csv");

    public static string DummyXml => Path("ktab", "dummyData_3Dim.xml");

    public static string ExampleActors => Path("bdm", "ExampleActors.csv");

    public static string ExampleTrace => Path("bdm", "ExampleActors_10rounds_trace.txt");

    public static readonly string[] KtabScenarios = ["SOE-Policy", "SOE-Pol-Comp", "dummyData_3Dim"];
}
