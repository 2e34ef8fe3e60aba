namespace Peninsula.Testing;

/// <summary>What one input did to a parser: accepted, rejected with located one-line errors, or broke a promise.</summary>
public sealed class FuzzOutcome
{
    private FuzzOutcome(bool accepted, InputFiles? files, IReadOnlyList<string> errors, string? broken)
    {
        IsAccepted = accepted;
        Files = files;
        Errors = errors;
        Broken = broken;
    }

    /// <summary>The parser returned a value.</summary>
    public static FuzzOutcome Accepted { get; } = new(true, null, [], null);

    /// <summary>The parser refused the input with its own user-facing error(s), which must name one of <paramref name="files"/>.</summary>
    public static FuzzOutcome Rejected(InputFiles files, params IEnumerable<string> errors)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(errors);
        var list = errors.ToArray();
        return new(false, files, list.Length == 0 ? [""] : list, null);
    }

    /// <summary>The test found a promise broken (e.g. an invalid value accepted, a file outside the tree read).</summary>
    public static FuzzOutcome Fails(string problem) => new(false, null, [], problem);

    /// <summary>Whether the parser accepted the input.</summary>
    public bool IsAccepted { get; }

    /// <summary>The inputs the errors may name.</summary>
    public InputFiles? Files { get; }

    /// <summary>The rejection's messages, first first.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>The broken promise, or null.</summary>
    public string? Broken { get; }
}
