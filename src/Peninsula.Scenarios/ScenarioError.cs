namespace Peninsula.Scenarios;

/// <summary>
/// One mistake in a scenario file, located at the file and line the offending value came from
/// (after <c>extends:</c> merging, a value keeps the location of the file that supplied it).
/// </summary>
/// <param name="File">Path of the file, as it was opened.</param>
/// <param name="Line">1-based line number (1 for problems with the whole file).</param>
/// <param name="Path">Dotted path of the value, e.g. <c>policies.aid-first.aid.start</c>; list items as <c>[3]</c>; empty for the whole file.</param>
/// <param name="Message">What is wrong, in one line.</param>
public sealed record ScenarioError(string File, int Line, string Path, string Message)
{
    /// <summary><c>file.yaml:42: path: message</c> (the path part is left out when the path is empty).</summary>
    public override string ToString()
    {
        var name = System.IO.Path.GetFileName(File);
        return Path.Length == 0 ? $"{name}:{Line}: {Message}" : $"{name}:{Line}: {Path}: {Message}";
    }
}
