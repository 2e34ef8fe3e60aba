using System.Collections.Concurrent;
using System.Text;
using CsCheck;
using Peninsula.Core;
using Peninsula.History.Tests.Support;

namespace Peninsula.History.Tests;

/// <summary>
/// Mutates the real data files (characters, quotes, commas, line breaks, random bytes, truncation, whole
/// lines, single fields, the header) and checks that the loader either accepts the input or throws a
/// <see cref="HistoricalDataException"/> whose message is one line starting with the file name and a line
/// number — never any other exception. Inputs come from CsCheck generators driven by a fixed PCG seed per
/// case index, so every run checks the same inputs and a failure names the case to replay.
/// </summary>
public sealed class LoaderFuzzTests
{
    private const ulong Seed = 0x5EED_2016_1231UL;

    private static readonly string[] Symbols =
    [
        "\"", ",", "\n", "\r\n", "\r", " ", "0", "7", "x", "-", "\"\"", "\0", "é", "\u2028", "\t", ";", ":",
        "9999999999", "2020-13-45", "\uFEFF", ",\"", "\",", "yes", "", "NaN", "1e3", "1990-01-01",
    ];

    private static readonly Month?[] Cuts = [null, Month.Of(2016, 12), Month.Of(1995, 6), Month.Of(2020, 12)];

    private static readonly Gen<Mutation> MutationGen = Gen.Select(
        Gen.Int[0, 12], Gen.Int[0, int.MaxValue], Gen.Int[1, 12], Gen.Int[0, Symbols.Length - 1], Gen.Int[0, int.MaxValue], Gen.Byte,
        (kind, position, length, symbol, other, value) => new Mutation(kind, position, length, symbol, other, value));

    private static readonly Gen<FuzzCase> CaseGen = Gen.Select(
        Gen.Int[0, HistoricalData.FileNames.Count - 1], MutationGen.Array[1, 4], Gen.Int[0, Cuts.Length - 1],
        (file, mutations, cut) => new FuzzCase(HistoricalData.FileNames[file], mutations, Cuts[cut]));

    [Fact]
    public void MutatedFiles_FailOnlyWithOneLineHistoricalDataErrors()
    {
        var outcome = Run(2_000);

        // The mutations exercise both paths: many inputs are rejected, some harmless ones still load.
        Assert.True(outcome.Failures > 1_000, outcome.ToString());
        Assert.True(outcome.Successes > 50, outcome.ToString());
        Assert.True(outcome.DistinctFirstProblems > 50, outcome.ToString());
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void MutatedFiles_100k_FailOnlyWithOneLineHistoricalDataErrors()
    {
        var outcome = Run(100_000);

        Assert.True(outcome.Failures > 50_000, outcome.ToString());
    }

    private static Outcome Run(int cases)
    {
        var originals = HistoricalData.FileNames.ToDictionary(n => n, n => DataFiles.Bytes[n], StringComparer.Ordinal);
        var successes = 0;
        var failures = 0;
        var problems = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var broken = new ConcurrentQueue<string>();

        Parallel.For(0, cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, (i, state) =>
        {
            var fuzz = CaseGen.Generate(new PCG((uint)i, Seed), null!, out _);
            var bytes = fuzz.Apply(originals[fuzz.File]);
            try
            {
                HistoricalData.ParseFile(fuzz.File, bytes, fuzz.Until);
                Interlocked.Increment(ref successes);
            }
            catch (HistoricalDataException ex)
            {
                Interlocked.Increment(ref failures);
                var problem = Check(fuzz.File, ex);
                if (problem is not null)
                {
                    broken.Enqueue($"case {i} ({fuzz}): {problem}");
                    state.Stop();
                }
                else
                {
                    problems.TryAdd(ex.Errors[0].Problem, 0);
                }
            }
#pragma warning disable CA1031 // the point of the test: any other exception type is a failure to report
            catch (Exception ex)
#pragma warning restore CA1031
            {
                broken.Enqueue($"case {i} ({fuzz}): {ex.GetType().Name} escaped: {ex.Message}");
                state.Stop();
            }
        });

        Assert.True(broken.IsEmpty, string.Join(Environment.NewLine, broken.Take(5)));
        return new Outcome(successes, failures, problems.Count);
    }

    /// <summary>Null when the exception has the promised shape; otherwise what is wrong with it.</summary>
    private static string? Check(string file, HistoricalDataException ex)
    {
        if (ex.Message.IndexOfAny(['\n', '\r', '\u2028', '\u2029', '\u0085']) >= 0)
            return "message is not a single line: " + ex.Message;
        if (!System.Text.RegularExpressions.Regex.IsMatch(ex.Message, "^" + System.Text.RegularExpressions.Regex.Escape(file) + @":\d+: \S"))
            return "message does not start with 'file:line: ': " + ex.Message;
        if (ex.Errors.Count is 0 or > HistoricalData.MaxErrors)
            return $"{ex.Errors.Count} errors";
        if (ex.Message != ex.Errors[0].ToString())
            return "message is not the first error";
        foreach (var error in ex.Errors)
        {
            var line = error.ToString();
            if (error.File != file || line.IndexOfAny(['\n', '\r', '\u2028', '\u2029', '\u0085']) >= 0 || error.Line < 0)
                return "bad error entry: " + line;
        }
        return null;
    }

    private sealed record Outcome(int Successes, int Failures, int DistinctFirstProblems);

    private sealed record FuzzCase(string File, Mutation[] Mutations, Month? Until)
    {
        public byte[] Apply(byte[] original)
        {
            var bytes = original.ToList();
            foreach (var mutation in Mutations)
                mutation.Apply(bytes);
            return [.. bytes];
        }

        public override string ToString() =>
            $"{File}, until {Until?.ToString() ?? "none"}, {string.Join("; ", Mutations.Select(m => m.ToString()))}";
    }

    private sealed record Mutation(int Kind, int Position, int Length, int Symbol, int Other, byte Value)
    {
        public void Apply(List<byte> bytes)
        {
            var at = bytes.Count == 0 ? 0 : Position % (bytes.Count + 1);
            var symbol = Encoding.UTF8.GetBytes(Symbols[Symbol]);
            switch (Kind)
            {
                case 0: // delete a run of bytes
                    bytes.RemoveRange(Math.Min(at, bytes.Count), Math.Min(Length, bytes.Count - Math.Min(at, bytes.Count)));
                    break;
                case 1: // duplicate a run of bytes
                    var run = bytes.Skip(at).Take(Length).ToArray();
                    bytes.InsertRange(Math.Min(at + run.Length, bytes.Count), run);
                    break;
                case 2: // insert a symbol (quote, comma, line break, control character, …)
                    bytes.InsertRange(at, symbol);
                    break;
                case 3: // overwrite one byte with any value
                    if (at < bytes.Count)
                        bytes[at] = Value;
                    break;
                case 4: // insert random bytes
                    bytes.InsertRange(at, Enumerable.Range(0, Length).Select(k => (byte)(Value * 31 + k * 97 + Other)));
                    break;
                case 5: // truncate
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 6: // delete a line
                    {
                        var (start, end) = LineAround(bytes, at);
                        bytes.RemoveRange(start, end - start);
                        break;
                    }
                case 7: // duplicate a line
                    {
                        var (start, end) = LineAround(bytes, at);
                        bytes.InsertRange(end, bytes.GetRange(start, end - start));
                        break;
                    }
                case 8: // swap two lines
                    {
                        var (s1, e1) = LineAround(bytes, at);
                        var (s2, e2) = LineAround(bytes, bytes.Count == 0 ? 0 : Other % bytes.Count);
                        if (e1 <= s2 || e2 <= s1)
                        {
                            var (first, second) = s1 < s2 ? ((s1, e1), (s2, e2)) : ((s2, e2), (s1, e1));
                            var a = bytes.GetRange(first.Item1, first.Item2 - first.Item1);
                            var b = bytes.GetRange(second.Item1, second.Item2 - second.Item1);
                            bytes.RemoveRange(second.Item1, b.Count);
                            bytes.InsertRange(second.Item1, a);
                            bytes.RemoveRange(first.Item1, a.Count);
                            bytes.InsertRange(first.Item1, b);
                        }
                        break;
                    }
                case 9: // replace the field that contains the position
                    {
                        var start = at;
                        while (start > 0 && bytes[start - 1] is not ((byte)',' or (byte)'\n'))
                            start--;
                        var end = at;
                        while (end < bytes.Count && bytes[end] is not ((byte)',' or (byte)'\n'))
                            end++;
                        bytes.RemoveRange(start, end - start);
                        bytes.InsertRange(start, symbol);
                        break;
                    }
                case 10: // open a quote at the start of the next field
                    {
                        var comma = bytes.IndexOf((byte)',', Math.Min(at, bytes.Count));
                        bytes.Insert(comma < 0 ? at : comma + 1, (byte)'"');
                        break;
                    }
                case 11: // mutate the header line
                    {
                        var (_, end) = LineAround(bytes, 0);
                        var inHeader = end == 0 ? 0 : Position % end;
                        if (Value % 2 == 0)
                            bytes.InsertRange(inHeader, symbol);
                        else
                            bytes.RemoveRange(inHeader, Math.Min(Length, bytes.Count - inHeader));
                        break;
                    }
                default: // replace the whole file with a symbol
                    bytes.Clear();
                    bytes.AddRange(symbol);
                    break;
            }
        }

        /// <summary>The line holding <paramref name="at"/>, including its line feed: [start, end).</summary>
        private static (int Start, int End) LineAround(List<byte> bytes, int at)
        {
            at = Math.Min(at, Math.Max(0, bytes.Count - 1));
            var start = at;
            while (start > 0 && bytes[start - 1] != (byte)'\n')
                start--;
            var end = at;
            while (end < bytes.Count && bytes[end] != (byte)'\n')
                end++;
            return (start, Math.Min(bytes.Count, end + 1));
        }

        public override string ToString() =>
            $"kind {Kind} at {Position} len {Length} symbol {Symbol} other {Other} value {Value}";
    }
}
