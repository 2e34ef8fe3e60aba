using System.Reflection;

namespace Peninsula.Cli;

/// <summary>The code version stored with every run: this assembly's informational version ("0.1.0+commit" when built by ./peninsula).</summary>
public static class CodeVersion
{
    /// <summary>The version string; the same for the managed CLI and the native bargain entry point built from one commit.</summary>
    public static string Current { get; } =
        typeof(CodeVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
