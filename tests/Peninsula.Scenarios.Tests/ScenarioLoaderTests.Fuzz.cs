using System.Text;
using Peninsula.Scenarios.Tests.Support;
using Peninsula.Testing;
using Xunit.Abstractions;

namespace Peninsula.Scenarios.Tests;

/// <summary>
/// Random damage to the YAML of a scenario and its base never makes the loader throw, every error is one line naming
/// one of the two files and a line of it, and no input makes it read outside the scenario tree: the mutations also
/// insert <c>extends:</c> and <c>issue_space:</c> references to a secret file beside the tree (relative, absolute, and
/// through symbolic links), and the secret's marker must never show (see <see cref="ScenarioSandbox"/>).
/// </summary>
public sealed partial class ScenarioLoaderTests(ITestOutputHelper output)
{
    /// <summary>Cases in every CI run.</summary>
    public const int FuzzCiCases = 2_000;

    /// <summary>Cases in the slow run.</summary>
    public const int FuzzSlowCases = 100_000;

    private static readonly string[] FuzzSources = [Leaf, "base.yaml"];

    private static readonly Lazy<byte[][]> FuzzOriginals = new(() => [.. FuzzSources.Select(n => File.ReadAllBytes(Repo.Scenario(n)))]);

    [Fact]
    public void Load_RandomMutations_NeverThrowAndLocateEveryError()
    {
        var report = RunMutations(FuzzCiCases, 0x0000_0000_3059_0001UL);
        output.WriteLine(report.ToString());

        // Some damage is harmless (inside a comment or a description): the test must also see successes.
        Assert.InRange(report.Accepted, 1, FuzzCiCases - 1);
        Assert.True(report.DistinctProblems > 50, report.ToString());
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Load_ManyRandomMutations_NeverThrowAndLocateEveryError()
    {
        var report = RunMutations(FuzzSlowCases, 0x0000_0000_3059_0002UL);
        output.WriteLine(report.ToString());

        Assert.InRange(report.Accepted, 1, FuzzSlowCases - 1);
    }

    private static FuzzReport RunMutations(int cases, ulong seed)
    {
        var originals = FuzzOriginals.Value;
        // The absolute path of the secret differs per worker; the symbol's index, hence the case, does not.
        var escapes = new[]
        {
            "../secret.yaml", "../../secret.yaml", "link.yaml", "up/secret.yaml", "/etc/passwd", "{SECRET}",
            "\nextends: ../secret.yaml\n", "\nextends: {SECRET}\n", "\nextends: link.yaml\n", "\nextends: up/scenarios/up/secret.yaml\n",
            "\nagreement_zone: {model: nash, issue_space: ../secret.yaml, challenger: a, principal: b, rationale: r}\n",
            "issue_space: {SECRET}", "issue_space: up/secret.yaml",
        };

        return Fuzz.Run(
            "scenario YAML",
            new Mutator(Alphabet.Yaml).Inputs(FuzzSources.Length),
            seed,
            cases,
            () =>
            {
                var sandbox = new ScenarioSandbox();
                return (Sandbox: sandbox, Mutator: new Mutator(Alphabet.Yaml.With(escapes.Select(e => e.Replace("{SECRET}", sandbox.Secret, StringComparison.Ordinal)))));
            },
            (input, worker) =>
            {
                var files = new InputFiles();
                var paths = new string[FuzzSources.Length];
                for (var f = 0; f < FuzzSources.Length; f++)
                {
                    var bytes = f == input.Source ? worker.Mutator.Apply(originals[f], input) : originals[f];
                    paths[f] = worker.Sandbox.PathOf(FuzzSources[f]);
                    File.WriteAllBytes(paths[f], bytes);
                    files.And(FuzzSources[f], bytes);
                }

                var result = ScenarioLoader.Load(paths[0]);
                if (ScenarioSandbox.Leak(result) is { } leak) return FuzzOutcome.Fails(leak);
                if (result.Errors.Count == 0)
                {
                    return result.Spec is null ? FuzzOutcome.Fails("no errors but no scenario") : FuzzOutcome.Accepted;
                }
                if (result.Spec is not null) return FuzzOutcome.Fails("errors and a scenario");
                if (result.Errors.Count > 100) return FuzzOutcome.Fails($"{result.Errors.Count} errors reported (at most 100)");
                return FuzzOutcome.Rejected(files, result.Errors.Select(e => e.ToString()));
            },
            worker => worker.Sandbox.Dispose());
    }
}
