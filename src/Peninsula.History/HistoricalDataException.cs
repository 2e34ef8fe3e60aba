namespace Peninsula.History;

/// <summary>
/// The curated historical files could not be loaded. <see cref="Exception.Message"/> is the first problem
/// on one line (<c>file:line: column: problem</c>); <see cref="Errors"/> lists every problem found, in
/// file then line order, up to <see cref="HistoricalData.MaxErrors"/>.
/// </summary>
public sealed class HistoricalDataException : Exception
{
    /// <summary>Creates the exception from the problems found; at least one is required.</summary>
    /// <param name="errors">The problems, first one first.</param>
    /// <param name="truncated">Whether more problems were found than <paramref name="errors"/> holds.</param>
    public HistoricalDataException(IReadOnlyList<HistoricalDataError> errors, bool truncated)
        : base(FirstLine(errors))
    {
        Errors = errors;
        Truncated = truncated;
    }

    /// <summary>Every problem found, up to the cap, in the order the files and lines were read.</summary>
    public IReadOnlyList<HistoricalDataError> Errors { get; }

    /// <summary>Whether loading stopped collecting problems at the cap (more may exist).</summary>
    public bool Truncated { get; }

    private static string FirstLine(IReadOnlyList<HistoricalDataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
            throw new ArgumentException("at least one error is required", nameof(errors));
        return errors[0].ToString();
    }
}
