using Spectre.Console.Testing;

namespace Peninsula.Cli.Tests;

/// <summary>Runs the real command app with a captured console.</summary>
internal static class CliRunner
{
    public sealed record Outcome(int ExitCode, string Output, string Errors);

    public static Outcome Run(params string[] args)
    {
        var console = new TestConsole().Width(200);
        var errors = new StringWriter();
        var code = CliApp.Run(args, console, errors);
        return new Outcome(code, console.Output, errors.ToString());
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Peninsula.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("repository root not found");
    }

    public static string Scenario(string name) => Path.Combine(RepoRoot(), "scenarios", name);

    public static string TempFile(string extension)
    {
        return Path.Combine(Path.GetTempPath(), "peninsula-cli-" + Guid.NewGuid().ToString("N") + extension);
    }
}
