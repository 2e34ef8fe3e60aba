using System.Globalization;
using Peninsula.Bargaining.Input;

namespace Peninsula.Bargaining;

/// <summary>
/// A bargaining input file could not be read. <see cref="Exception.Message"/> is one line:
/// <c>file:line: field: problem</c> (or <c>file:line: problem</c> when no single field is at fault), with
/// any quoted value escaped so that the message never spans lines. The readers in
/// <c>Peninsula.Bargaining.Input</c> throw nothing else for bad input.
/// </summary>
public sealed class BargainingInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file's name as the caller knows it (e.g. <c>input.csv</c>).</param>
    /// <param name="line">1-based line of the problem; 0 when the file could not be read at all.</param>
    /// <param name="field">The field at fault, or null for a problem with a whole line or the file.</param>
    /// <param name="problem">What is wrong.</param>
    public BargainingInputException(string file, int line, string? field, string problem)
        : base(Format(file, line, field, problem))
    {
        File = InputText.Printable(file, 200);
        Line = Math.Max(0, line);
        Field = field is null ? null : InputText.Printable(field, 120);
        Problem = InputText.Printable(problem, 400);
    }

    /// <summary>The file's name as given to the reader.</summary>
    public string File { get; }

    /// <summary>1-based line of the problem (0 when the file could not be read at all).</summary>
    public int Line { get; }

    /// <summary>The field at fault (e.g. <c>sal_2</c>, <c>Actors/Actor[3]/capability</c>), or null.</summary>
    public string? Field { get; }

    /// <summary>What is wrong, on one line.</summary>
    public string Problem { get; }

    private static string Format(string file, int line, string? field, string problem)
    {
        var f = InputText.Printable(file, 200);
        var p = InputText.Printable(problem, 400);
        var l = Math.Max(0, line).ToString(CultureInfo.InvariantCulture);
        return field is null ? $"{f}:{l}: {p}" : $"{f}:{l}: {InputText.Printable(field, 120)}: {p}";
    }
}
