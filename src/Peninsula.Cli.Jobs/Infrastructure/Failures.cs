namespace Peninsula.Cli.Infrastructure;

/// <summary>
/// How both entry points report a failed command: one line on standard error (an invalid scenario: one line per
/// problem) and the exit code: 2 usage or input, 1 data, storage or I/O, 130 cancelled, 70 internal. Never a stack trace.
/// </summary>
public static class Failures
{
    /// <summary>Writes <paramref name="failure"/> to <paramref name="errors"/> and returns the exit code.</summary>
    public static int Report(Exception failure, TextWriter errors)
    {
        switch (failure)
        {
            case ScenarioInvalidException invalid:
                foreach (var line in invalid.Lines) errors.WriteLine(line);
                return 1;
            case UserErrorException:
                return Line(errors, failure, 2);
            case OperationCanceledException:
                errors.WriteLine("peninsula: cancelled; committed batches are kept (re-run with --resume to complete)");
                return 130;
            case IOException or UnauthorizedAccessException or Storage.StorageException:
                return Line(errors, failure, 1);
            case AggregateException aggregate when StorageCause(aggregate) is { } cause:
                // Batches run in parallel and store themselves, so a full or read-only database arrives wrapped.
                return Line(errors, cause, 1);
            case Estimation.CalibrationException or History.HistoricalDataException:
                return Line(errors, failure, 1);
            default:
                errors.WriteLine($"peninsula: internal error ({failure.GetType().Name}): {OneLine(failure.Message)}");
                return 70;
        }
    }

    /// <summary>"peninsula: " and the message on one line.</summary>
    public static int Line(TextWriter errors, Exception failure, int code)
    {
        errors.WriteLine($"peninsula: {OneLine(failure.Message)}");
        return code;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();

    /// <summary>The first storage or file failure among the causes of a parallel operation's failure, or null.</summary>
    private static Exception? StorageCause(AggregateException aggregate) =>
        aggregate.Flatten().InnerExceptions.FirstOrDefault(e => e is IOException or UnauthorizedAccessException or Storage.StorageException);
}
