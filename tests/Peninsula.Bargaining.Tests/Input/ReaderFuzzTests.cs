using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using Peninsula.Bargaining.Input;
using Peninsula.Bargaining.Tests.Support;

namespace Peninsula.Bargaining.Tests.Input;

/// <summary>
/// Mutates the real reference inputs (characters, quotes, delimiters, markup, line breaks, random bytes,
/// truncation, whole lines, single fields) and checks that each reader either returns a valid issue space or
/// throws a <see cref="BargainingInputException"/> whose message is one line starting with the file name and a
/// line number — never any other exception. Inputs come from CsCheck generators driven by a fixed PCG seed per
/// case index, so every run checks the same inputs and a failure names the case to replay.
/// </summary>
public sealed partial class ReaderFuzzTests
{
    private const ulong Seed = 0xBA5E_2011_0510UL;

    private static readonly string[] Symbols =
    [
        "\"", ",", "\n", "\r\n", "\r", " ", "0", "7", "x", "-", "\"\"", "\0", "é", "\u2028", "\t", ";", ":", "'",
        "9999999999", "1e308", "1e309", "-0", "NaN", "Infinity", "1e-320", "\uFEFF", "", "250", "251", "2", "-1", "100.0000001",
        "<", ">", "</", "/>", "&", "&amp;", "&#0;", "<!--", "-->", "]]>", "<![CDATA[", "<!DOCTYPE x>", "<Actor>", "</Actor>",
        "{", "}", "[", "]", "- ", "&a ", "*a", "!!str ", "#", "? ", "|", ">-", "~", "null", "true", "...", "---",
    ];

    private static readonly Gen<Mutation> MutationGen = Gen.Select(
        Gen.Int[0, 12], Gen.Int[0, int.MaxValue], Gen.Int[1, 12], Gen.Int[0, Symbols.Length - 1], Gen.Int[0, int.MaxValue], Gen.Byte,
        (kind, position, length, symbol, other, value) => new Mutation(kind, position, length, symbol, other, value));

    public enum Format
    {
        KtabCsv,
        KtabXml,
        Yaml,
        Bdm,
    }

    private static readonly Dictionary<Format, (string Name, byte[] Bytes)[]> Originals = new()
    {
        [Format.KtabCsv] = [.. ReferenceFiles.KtabScenarios.Select(s => ("input.csv", File.ReadAllBytes(ReferenceFiles.KtabInput(s))))],
        [Format.KtabXml] = [("dummyData_3Dim.xml", File.ReadAllBytes(ReferenceFiles.DummyXml))],
        [Format.Yaml] = [("scenario.yaml", Encoding.UTF8.GetBytes(Samples.Yaml))],
        [Format.Bdm] = [("ExampleActors.csv", File.ReadAllBytes(ReferenceFiles.ExampleActors))],
    };

    [Theory]
    [InlineData(Format.KtabCsv)]
    [InlineData(Format.KtabXml)]
    [InlineData(Format.Yaml)]
    [InlineData(Format.Bdm)]
    public void MutatedInputs_FailOnlyWithOneLineInputErrors(Format format)
    {
        var outcome = Run(format, 2_000);

        // The mutations exercise both paths: many inputs are rejected, some harmless ones still load.
        Assert.True(outcome.Failures > 800, outcome.ToString());
        Assert.True(outcome.Successes > 20, outcome.ToString());
        Assert.True(outcome.DistinctProblems > 30, outcome.ToString());
    }

    [Theory]
    [Trait("Category", "Slow")]
    [InlineData(Format.KtabCsv)]
    [InlineData(Format.KtabXml)]
    [InlineData(Format.Yaml)]
    [InlineData(Format.Bdm)]
    public void MutatedInputs_100k_FailOnlyWithOneLineInputErrors(Format format)
    {
        var outcome = Run(format, 100_000);

        Assert.True(outcome.Failures > 40_000, outcome.ToString());
    }

    private static IssueSpace Parse(Format format, string file, byte[] bytes) => format switch
    {
        Format.KtabCsv => KtabCsvReader.Parse(file, bytes),
        Format.KtabXml => KtabXmlReader.Parse(file, bytes),
        Format.Yaml => BargainingYamlReader.Parse(file, bytes),
        _ => BdmCsvReader.Parse(file, bytes),
    };

    private static Outcome Run(Format format, int cases)
    {
        var originals = Originals[format];
        var caseGen = Gen.Select(Gen.Int[0, originals.Length - 1], MutationGen.Array[1, 4], (file, mutations) => new FuzzCase(file, mutations));
        var successes = 0;
        var failures = 0;
        var problems = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var broken = new ConcurrentQueue<string>();

        Parallel.For(0, cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, (i, state) =>
        {
            var fuzz = caseGen.Generate(new PCG((uint)i, Seed + (ulong)format), null!, out _);
            var (file, original) = originals[fuzz.File];
            var bytes = fuzz.Apply(original);
            try
            {
                var space = Parse(format, file, bytes);
                Interlocked.Increment(ref successes);
                if (Invalid(space) is { } problem)
                {
                    broken.Enqueue($"case {i} ({fuzz}): accepted an invalid space: {problem}");
                    state.Stop();
                }
            }
            catch (BargainingInputException ex)
            {
                Interlocked.Increment(ref failures);
                if (Check(file, ex) is { } problem)
                {
                    broken.Enqueue($"case {i} ({fuzz}): {problem}");
                    state.Stop();
                }
                else
                {
                    problems.TryAdd(Regex.Replace(ex.Problem, "'[^']*'|[0-9.]+", "_"), 0);
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
    private static string? Check(string file, BargainingInputException ex)
    {
        if (ex.Message.IndexOfAny(['\n', '\r', '\u2028', '\u2029', '\u0085']) >= 0)
            return "message is not a single line: " + ex.Message;
        if (!MessageStart().IsMatch(ex.Message) || !ex.Message.StartsWith(file + ":", StringComparison.Ordinal))
            return "message does not start with 'file:line: ': " + ex.Message;
        return null;
    }

    /// <summary>Null when the space keeps the readers' promises; otherwise what is wrong.</summary>
    private static string? Invalid(IssueSpace space)
    {
        if (space.ActorCount is < InputRules.MinActors or > InputRules.MaxActors)
            return $"{space.ActorCount} actors";
        if (space.DimensionCount is < 1 or > InputRules.MaxDimensions)
            return $"{space.DimensionCount} dimensions";
        if (space.Stakeholders.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() != space.ActorCount)
            return "duplicate names";
        foreach (var s in space.Stakeholders)
        {
            if (s.Name.Length == 0 || s.Positions.Length != space.DimensionCount || s.Saliences.Length != space.DimensionCount)
                return "bad stakeholder " + s.Name;
            if (!double.IsFinite(s.Capability) || s.Capability < 0)
                return "capability " + s.Capability;
            if (s.Positions.Any(p => p is not (>= 0 and <= 100)) || s.Saliences.Any(p => p is not (>= 0 and <= 100)))
                return "position or salience out of range for " + s.Name;
            if (s.Saliences.Sum() > 100 + InputRules.SalienceSumTolerance)
                return "saliences sum above 100 for " + s.Name;
        }
        return null;
    }

    [GeneratedRegex(@"^[^\n]*?:\d+: \S")]
    private static partial Regex MessageStart();

    private sealed record Outcome(int Successes, int Failures, int DistinctProblems);

    private sealed record FuzzCase(int File, Mutation[] Mutations)
    {
        public byte[] Apply(byte[] original)
        {
            var bytes = original.ToList();
            foreach (var mutation in Mutations)
                mutation.Apply(bytes);
            return [.. bytes];
        }

        public override string ToString() => $"file {File}, {string.Join("; ", Mutations.Select(m => m.ToString()))}";
    }

    private sealed record Mutation(int Kind, int Position, int Length, int Symbol, int Other, byte Value)
    {
        private static bool IsDelimiter(byte b) => b is (byte)',' or (byte)'\n' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)':' or (byte)' ';

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
                case 2: // insert a symbol (quote, delimiter, markup, line break, control character, …)
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
                case 9: // replace the field (between delimiters) that contains the position
                case 10:
                    {
                        var start = at;
                        while (start > 0 && !IsDelimiter(bytes[start - 1]))
                            start--;
                        var end = at;
                        while (end < bytes.Count && !IsDelimiter(bytes[end]))
                            end++;
                        bytes.RemoveRange(start, end - start);
                        bytes.InsertRange(start, symbol);
                        break;
                    }
                case 11: // replace a digit with another
                    {
                        for (var k = 0; k < bytes.Count; k++)
                        {
                            var j = (at + k) % bytes.Count;
                            if (bytes[j] is >= (byte)'0' and <= (byte)'9')
                            {
                                bytes[j] = (byte)('0' + Value % 10);
                                break;
                            }
                        }
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
