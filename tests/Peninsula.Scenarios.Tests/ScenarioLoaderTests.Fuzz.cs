using CsCheck;
using Peninsula.Scenarios.Tests.Support;

namespace Peninsula.Scenarios.Tests;

/// <summary>Random damage to the YAML text never makes the loader throw.</summary>
public sealed partial class ScenarioLoaderTests
{
    private const int MutationCases = 2000;

    /// <summary>Fixed CsCheck seed: every case is generated from it, so a failure replays exactly.</summary>
    private const string MutationSeed = "0000000030Y1";

    private const string Palette = ":-[]{},#&*!|>'\"%@`? \t\n\\0123456789.aeZ~";

    /// <summary>One edit of a text: what to do, where (a fraction of the length), and with what.</summary>
    private readonly record struct Mutation(int Kind, double Where, double Other, char Char, bool InBase);

    private static readonly Gen<Mutation> MutationGen =
        Gen.Select(Gen.Int[0, 7], Gen.Double[0, 1], Gen.Double[0, 1], Gen.Char[Palette], Gen.Int[0, 9])
            .Select((kind, where, other, c, file) => new Mutation(kind, where, other, c, file == 0));

    [Fact]
    public void Load_RandomMutations_NeverThrowAndLocateEveryError() => RunMutations(MutationCases);

    [Fact]
    [Trait("Category", "Slow")]
    public void Load_ManyRandomMutations_NeverThrowAndLocateEveryError() => RunMutations(10 * MutationCases);

    private static void RunMutations(int caseCount)
    {
        var leafText = File.ReadAllText(Repo.Scenario(Leaf));
        var baseText = File.ReadAllText(Repo.Scenario("base.yaml"));
        using var temp = new TempScenario();
        var leafPath = temp.PathOf(Leaf);
        var basePath = temp.PathOf("base.yaml");
        var loaded = 0;

        MutationGen.Array[1, 3].Array[caseCount].Sample(cases =>
        {
            for (var i = 0; i < cases.Length; i++)
            {
                var leaf = leafText;
                var @base = baseText;
                foreach (var m in cases[i])
                {
                    if (m.InBase) @base = Apply(@base, m);
                    else leaf = Apply(leaf, m);
                }
                File.WriteAllText(leafPath, leaf);
                File.WriteAllText(basePath, @base);

                LoadResult result;
                try
                {
                    result = ScenarioLoader.Load(leafPath);
                }
                catch (Exception ex)
                {
                    throw new InvalidOperationException($"case {i} threw; mutations {string.Join(", ", cases[i])}", ex);
                }
                if (result.Errors.Count == 0)
                {
                    Assert.NotNull(result.Spec);
                    loaded++;
                    continue;
                }
                Assert.Null(result.Spec);
                foreach (var error in result.Errors)
                {
                    Assert.True(error.Line >= 1, $"case {i}: {error}");
                    Assert.True(error.File == leafPath || error.File == basePath, $"case {i}: {error}");
                    Assert.False(string.IsNullOrWhiteSpace(error.Message), $"case {i}: {error}");
                    Assert.False(error.ToString().Any(char.IsControl), $"case {i}: control character in {error}");
                }
            }
        }, seed: MutationSeed, iter: 1, threads: 1);

        // Some damage is harmless (inside a comment or a description): the test must also see successes.
        Assert.InRange(loaded, 1, caseCount - 1);
    }

    /// <summary>Deletes, duplicates or replaces a character or a line, or inserts a YAML-significant character.</summary>
    private static string Apply(string text, Mutation m)
    {
        if (text.Length == 0) return m.Char.ToString();
        var at = Math.Min(text.Length - 1, (int)(m.Where * text.Length));
        var lines = text.Split('\n').ToList();
        var line = Math.Min(lines.Count - 1, (int)(m.Where * lines.Count));
        var otherLine = Math.Min(lines.Count - 1, (int)(m.Other * lines.Count));
        switch (m.Kind)
        {
            case 0: return text.Remove(at, 1);
            case 1: return text.Insert(at, text[at].ToString());
            case 2: return text.Remove(at, 1).Insert(at, m.Char.ToString());
            case 3: return text.Insert(at, m.Char.ToString());
            case 4:
                lines.RemoveAt(line);
                return string.Join('\n', lines);
            case 5:
                lines.Insert(line, lines[line]);
                return string.Join('\n', lines);
            case 6:
                lines[line] = lines[otherLine];
                return string.Join('\n', lines);
            default:
                var cut = Math.Min(text.Length - at, 1 + (int)(m.Other * 40));
                return text.Remove(at, cut);
        }
    }
}
