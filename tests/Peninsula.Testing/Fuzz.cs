using System.Collections.Concurrent;
using System.Globalization;
using CsCheck;

namespace Peninsula.Testing;

/// <summary>
/// Runs a parser over generated inputs. Case <c>i</c> is drawn from <c>PCG(stream i, seed)</c>, so it does not
/// depend on the other cases, the order or the thread count: a failure names the seed and the case index, and
/// <see cref="Case{TCase}"/> rebuilds it. Every case must be accepted, or rejected with errors that each keep
/// <see cref="ErrorLine"/>'s promise; an exception escaping the parser (anything but its own user-facing
/// error, which the attempt turns into <see cref="FuzzOutcome.Rejected"/>) fails the run.
/// </summary>
public static class Fuzz
{
    /// <summary>Most failing cases listed in the failure message.</summary>
    public const int FailuresShown = 5;

    /// <summary>Case <paramref name="index"/> of <paramref name="cases"/> under <paramref name="seed"/>.</summary>
    public static TCase Case<TCase>(Gen<TCase> cases, ulong seed, int index)
    {
        ArgumentNullException.ThrowIfNull(cases);
        return cases.Generate(new PCG((uint)index, seed), null!, out _);
    }

    /// <summary>Runs <paramref name="count"/> cases, in parallel on <paramref name="threads"/> threads (0: one per core).</summary>
    /// <exception cref="FuzzFailureException">A case crashed the parser or broke a promise.</exception>
    public static FuzzReport Run<TCase>(string parser, Gen<TCase> cases, ulong seed, int count, Func<TCase, FuzzOutcome> attempt, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return Run<TCase, object?>(parser, cases, seed, count, () => null, (c, _) => attempt(c), _ => { }, threads);
    }

    /// <summary>
    /// Runs <paramref name="count"/> cases with per-worker state (e.g. a scratch folder): <paramref name="open"/> makes
    /// it, <paramref name="close"/> disposes of it.
    /// </summary>
    /// <exception cref="FuzzFailureException">A case crashed the parser or broke a promise.</exception>
    public static FuzzReport Run<TCase, TState>(
        string parser, Gen<TCase> cases, ulong seed, int count,
        Func<TState> open, Func<TCase, TState, FuzzOutcome> attempt, Action<TState> close, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(close);
        var accepted = 0;
        var rejected = 0;
        var shapes = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var failures = new ConcurrentBag<(int Index, string Text)>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount };

        Parallel.For(0, count, options, open, (i, loop, state) =>
        {
            TCase input = default!;
            try
            {
                input = Case(cases, seed, i);
                var outcome = attempt(input, state);
                if (Problem(outcome) is { } problem)
                {
                    failures.Add((i, $"case {i}: {input}: {problem}"));
                    loop.Stop();
                }
                else if (outcome.IsAccepted)
                {
                    Interlocked.Increment(ref accepted);
                }
                else
                {
                    Interlocked.Increment(ref rejected);
                    shapes.TryAdd(ErrorLine.Shape(outcome.Errors[0]), 0);
                }
            }
#pragma warning disable CA1031 // the point of the harness: any exception escaping the parser is a failure to report
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures.Add((i, $"case {i}: {input}: {ex.GetType().Name} escaped: {OneLine(ex.Message)} at {FirstFrame(ex)}"));
                loop.Stop();
            }
            return state;
        }, close);

        if (!failures.IsEmpty)
        {
            var shown = failures.OrderBy(f => f.Index).Take(FailuresShown).Select(f => f.Text);
            throw new FuzzFailureException(string.Create(CultureInfo.InvariantCulture,
                $"{parser}: {failures.Count} failing case(s) (seed 0x{seed:X16}; rebuild one with Fuzz.Case(cases, seed, index)):{Environment.NewLine}{string.Join(Environment.NewLine, shown)}"));
        }
        return new FuzzReport(parser, seed, count, accepted, rejected, shapes.Count);
    }

    private static string? Problem(FuzzOutcome outcome)
    {
        if (outcome.Broken is { } broken) return broken;
        if (outcome.IsAccepted) return null;
        foreach (var error in outcome.Errors)
        {
            if (ErrorLine.Problem(error, outcome.Files!) is { } problem) return problem;
        }
        return null;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static string FirstFrame(Exception ex) =>
        ex.StackTrace?.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "(no stack)";
}
