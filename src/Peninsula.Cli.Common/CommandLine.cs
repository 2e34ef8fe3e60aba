namespace Peninsula.Cli.Infrastructure;

/// <summary>The command line as typed, stored with each run.</summary>
public static class CommandLine
{
    /// <summary>"peninsula" followed by the arguments.</summary>
    public static string Current() => "peninsula " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1));
}
