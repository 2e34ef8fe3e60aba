using CsCheck;
using Peninsula.Core;
using Peninsula.History.Tests.Support;
using Peninsula.Testing;
using Xunit.Abstractions;

namespace Peninsula.History.Tests;

/// <summary>
/// Mutates each of the ten data files (the eight curated ones and the two additions) with the shared byte mutator —
/// characters, quotes, commas, line breaks, random bytes, truncation, whole lines, single fields, the header — and
/// checks that the loader either accepts the input or throws a <see cref="HistoricalDataException"/> whose every
/// error is one line naming the file and a line of it; never any other exception. Three cases in four mutate an
/// excerpt (the header and 40 consecutive rows), which keeps the CI run short; the rest mutate the whole file. Each
/// case is drawn from a fixed seed and its index (see <see cref="Fuzz"/>), under one of four look-ahead cuts.
/// </summary>
public sealed class LoaderFuzzTests(ITestOutputHelper output)
{
    /// <summary>Cases per file in every CI run.</summary>
    public const int CiCases = 2_000;

    /// <summary>Cases per file in the slow run.</summary>
    public const int SlowCases = 100_000;

    private const ulong Seed = 0x5EED_2016_1231UL;

    private static readonly Month?[] Cuts = [null, Month.Of(2016, 12), Month.Of(1995, 6), Month.Of(2020, 12)];

    private static readonly Mutator Mutator = new(Alphabet.Csv) { ExcerptLines = 40, WholeEvery = 16 };

    private static readonly Gen<(MutatedInput Input, int Cut)> Cases =
        Gen.Select(Mutator.Inputs(1), Gen.Int[0, Cuts.Length - 1], (input, cut) => (input, cut));

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var name in HistoricalData.FileNames.Concat(HistoricalAdditions.FileNames)) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void MutatedFile_FailsOnlyWithOneLineLocatedErrors(string file)
    {
        var report = Run(file, CiCases);
        output.WriteLine(report.ToString());

        // The mutations exercise both paths: many inputs are rejected, some harmless ones still load.
        Assert.True(report.Rejected > CiCases / 4, report.ToString());
        Assert.True(report.Accepted > 20, report.ToString());
        Assert.True(report.DistinctProblems > 10, report.ToString());
    }

    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(Files))]
    public void MutatedFile_100k_FailsOnlyWithOneLineLocatedErrors(string file)
    {
        var report = Run(file, SlowCases, Seed ^ 0xFFFF);
        output.WriteLine(report.ToString());

        Assert.True(report.Rejected > SlowCases / 4, report.ToString());
    }

    [Fact]
    public void ParseFile_EdgeInputs_AreOneLineErrors()
    {
        // A lone CR, a NUL, a BOM at the end, an unterminated quote at the end.
        foreach (var (file, text) in new[]
        {
            ("events.csv", "\r"),
            ("nuclear_tests.csv", "\0"),
            ("policy_phases.csv", DataFiles.Text("policy_phases.csv") + "\uFEFF"),
            ("exercises.csv", DataFiles.Text("exercises.csv") + "\""),
        })
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            var e = Assert.Throws<HistoricalDataException>(() => HistoricalData.ParseFile(file, bytes, null));
            Assert.Null(ErrorLine.Problem(e.Message, InputFiles.Of(file, bytes)));
        }
    }

    private static FuzzReport Run(string file, int cases, ulong seed = Seed)
    {
        var original = File.ReadAllBytes(Path.Combine(Repo.Data, file));
        var additions = HistoricalAdditions.FileNames.Contains(file);
        return Fuzz.Run($"history {file}", Cases, FileSeed(seed, file), cases, c =>
        {
            var bytes = Mutator.Apply(original, c.Input);
            var until = Cuts[c.Cut];
            try
            {
                _ = additions ? HistoricalAdditions.ParseFile(file, bytes, until) : HistoricalData.ParseFile(file, bytes, until);
                return FuzzOutcome.Accepted;
            }
            catch (HistoricalDataException ex)
            {
                if (ex.Errors.Count is 0 or > HistoricalData.MaxErrors) return FuzzOutcome.Fails($"{ex.Errors.Count} errors");
                if (ex.Message != ex.Errors[0].ToString()) return FuzzOutcome.Fails("the message is not the first error: " + ex.Message);
                return FuzzOutcome.Rejected(InputFiles.Of(file, bytes), ex.Errors.Select(e => e.ToString()));
            }
        });
    }

    /// <summary>A seed per file that does not depend on the runtime's string hashing.</summary>
    private static ulong FileSeed(ulong seed, string file)
    {
        var h = seed;
        foreach (var c in file) h = (h ^ c) * 0x100000001B3UL;
        return h;
    }
}
