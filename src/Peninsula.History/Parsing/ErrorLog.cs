using System.Globalization;
using System.Text;

namespace Peninsula.History.Parsing;

/// <summary>Collects load errors up to a cap; every text it stores is made single-line and printable.</summary>
internal sealed class ErrorLog
{
    private readonly List<HistoricalDataError> _errors = [];
    private readonly int _cap;

    public ErrorLog(int cap) => _cap = cap;

    /// <summary>Errors collected so far.</summary>
    public IReadOnlyList<HistoricalDataError> Errors => _errors;

    /// <summary>Whether the cap has been reached; readers stop early once it is.</summary>
    public bool Full => _errors.Count >= _cap;

    /// <summary>Whether the cap was reached, so loading stopped early and more problems may exist.</summary>
    public bool Truncated => Full;

    public void Add(string file, int line, string? column, string problem)
    {
        if (Full)
            return;
        _errors.Add(new HistoricalDataError(file, line, column is null ? null : Printable(column, 60), Printable(problem, 400)));
    }

    /// <summary>Throws the collected errors, if any.</summary>
    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
            throw new HistoricalDataException(_errors.ToArray(), Truncated);
    }

    /// <summary>A value quoted for a message: <c>'text'</c>, escaped and shortened.</summary>
    public static string Show(string value) => "'" + Printable(value, 40) + "'";

    /// <summary>Escapes and shortens text for a one-line message (see <see cref="Core.OneLineText.Printable"/>).</summary>
    public static string Printable(string text, int max) => Core.OneLineText.Printable(text, max);
}
