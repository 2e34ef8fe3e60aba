namespace Peninsula.Estimation.Tests.Support;

/// <summary>Paths inside the repository, found by walking up from the test binaries to <c>Peninsula.slnx</c>.</summary>
internal static class Repo
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Scenario(string fileName) => Path.Combine(Root, "scenarios", fileName);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Peninsula.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Peninsula.slnx not found above " + AppContext.BaseDirectory);
    }
}
