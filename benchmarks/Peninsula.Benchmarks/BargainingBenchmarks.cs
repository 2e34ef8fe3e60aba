using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Peninsula.Bargaining;
using Peninsula.Bargaining.Input;
using Peninsula.Bargaining.Smp;

namespace Peninsula.Benchmarks;

/// <summary>
/// The KTAB-compatible SMP on the 26-actor reference scenario (SOE-Policy) and on synthetic one-dimensional
/// scenarios of 34 and 40 actors (the shape of KTAB's larger examples), model time only (the whole-process times,
/// start-up included, are measured with `/usr/bin/time ./peninsula bargain …`).
/// </summary>
[MemoryDiagnoser]
public class BargainingBenchmarks
{
    private IssueSpace _soePolicy = null!;
    private IssueSpace _synthetic34 = null!;
    private IssueSpace _synthetic40 = null!;
    private readonly SmpModel _smp = new();

    [GlobalSetup]
    public void Setup()
    {
        var root = AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Peninsula.slnx"))) { root = dir.FullName; break; }
        }
        _soePolicy = KtabCsvReader.ReadFile(Path.Combine(root, "tests", "Peninsula.Bargaining.Tests", "Reference", "ktab", "SOE-Policy", "input.csv"));
        _synthetic34 = Synthetic(34, 34);
        _synthetic40 = Synthetic(40, 40);
    }

    /// <summary>A deterministic synthetic one-dimensional issue space of <paramref name="actors"/> actors.</summary>
    public static IssueSpace Synthetic(int actors, int seed)
    {
        var random = new Core.RandomSource((ulong)seed);
        var list = ImmutableArray.CreateBuilder<Stakeholder>(actors);
        for (var i = 0; i < actors; i++)
        {
            var capability = 10 + Math.Round(290 * random.Uniform(0, i, 0, 0));
            var position = Math.Round(100 * random.Uniform(0, i, 0, 1), 2);
            var salience = 20 + Math.Round(80 * random.Uniform(0, i, 0, 2));
            list.Add(new Stakeholder($"A{i:00}", "", capability, [position], [salience]));
        }
        return new IssueSpace($"synthetic-{actors}", "", ["issue"], list.MoveToImmutable());
    }

    [Benchmark]
    public int SmpSoePolicy26Actors() => _smp.Run(_soePolicy).Turns;

    [Benchmark]
    public int SmpSynthetic34Actors() => _smp.Run(_synthetic34).Turns;

    [Benchmark]
    public int SmpSynthetic40Actors() => _smp.Run(_synthetic40).Turns;
}
