using System.Text;
using CsCheck;
using Peninsula.Bargaining.Input;
using Peninsula.Bargaining.Tests.Support;
using Peninsula.Testing;
using Xunit.Abstractions;

namespace Peninsula.Bargaining.Tests.Input;

/// <summary>
/// Mutates the real reference inputs with the shared byte mutator (characters, quotes, delimiters, markup, YAML
/// indicators, line breaks, random bytes, truncation, whole lines, single fields) and checks that each reader either
/// returns an issue space keeping <see cref="InputRules"/> or throws a <see cref="BargainingInputException"/> whose
/// message is one line naming the file and a line of it — never any other exception. Each case is drawn from a fixed
/// seed and its index (see <see cref="Fuzz"/>).
/// </summary>
public sealed class ReaderFuzzTests(ITestOutputHelper output)
{
    /// <summary>Cases per format in every CI run.</summary>
    public const int CiCases = 2_000;

    /// <summary>Cases per format in the slow run.</summary>
    public const int SlowCases = 100_000;

    private const ulong Seed = 0xBA5E_2011_0510UL;

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

    private static Mutator MutatorFor(Format format) => new(format switch
    {
        Format.KtabXml => Alphabet.Xml,
        Format.Yaml => Alphabet.Yaml,
        _ => Alphabet.Csv,
    });

    [Theory]
    [InlineData(Format.KtabCsv)]
    [InlineData(Format.KtabXml)]
    [InlineData(Format.Yaml)]
    [InlineData(Format.Bdm)]
    public void MutatedInputs_FailOnlyWithOneLineInputErrors(Format format)
    {
        var report = Run(format, CiCases, Seed);
        output.WriteLine(report.ToString());

        // The mutations exercise both paths: many inputs are rejected, some harmless ones still load.
        Assert.True(report.Rejected > 800, report.ToString());
        Assert.True(report.Accepted > 20, report.ToString());
        Assert.True(report.DistinctProblems > 30, report.ToString());
    }

    [Theory]
    [Trait("Category", "Slow")]
    [InlineData(Format.KtabCsv)]
    [InlineData(Format.KtabXml)]
    [InlineData(Format.Yaml)]
    [InlineData(Format.Bdm)]
    public void MutatedInputs_100k_FailOnlyWithOneLineInputErrors(Format format)
    {
        var report = Run(format, SlowCases, ~Seed);
        output.WriteLine(report.ToString());

        Assert.True(report.Rejected > 40_000, report.ToString());
    }

    internal static IssueSpace Parse(Format format, string file, byte[] bytes) => format switch
    {
        Format.KtabCsv => KtabCsvReader.Parse(file, bytes),
        Format.KtabXml => KtabXmlReader.Parse(file, bytes),
        Format.Yaml => BargainingYamlReader.Parse(file, bytes),
        _ => BdmCsvReader.Parse(file, bytes),
    };

    private static FuzzReport Run(Format format, int cases, ulong seed)
    {
        var originals = Originals[format];
        var mutator = MutatorFor(format);
        return Fuzz.Run($"bargaining {format}", mutator.Inputs(originals.Length), seed + (ulong)format, cases, input =>
        {
            var (file, original) = originals[input.Source];
            var bytes = mutator.Apply(original, input);
            try
            {
                var space = Parse(format, file, bytes);
                return Invalid(space) is { } problem ? FuzzOutcome.Fails("accepted an invalid space: " + problem) : FuzzOutcome.Accepted;
            }
            catch (BargainingInputException ex)
            {
                return FuzzOutcome.Rejected(InputFiles.Of(file, bytes), ex.Message);
            }
        });
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
}
