using BenchmarkDotNet.Attributes;
using Peninsula.Bargaining;
using Peninsula.Bargaining.Input;
using Peninsula.Bargaining.Smp;

namespace Peninsula.Benchmarks;

/// <summary>
/// The KTAB-compatible SMP on the 26-actor reference scenario (SOE-Policy) and on synthetic one-dimensional
/// scenarios of 34 and 40 actors (benchmarks/inputs, the shape of KTAB's larger examples), model time only (the
/// whole-process times, start-up and storage included, are measured by scripts/time-bargain).
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
        _synthetic34 = KtabCsvReader.ReadFile(Path.Combine(root, "benchmarks", "inputs", "synthetic-34.csv"));
        _synthetic40 = KtabCsvReader.ReadFile(Path.Combine(root, "benchmarks", "inputs", "synthetic-40.csv"));
    }

    [Benchmark]
    public int SmpSoePolicy26Actors() => _smp.Run(_soePolicy).Turns;

    [Benchmark]
    public int SmpSynthetic34Actors() => _smp.Run(_synthetic34).Turns;

    [Benchmark]
    public int SmpSynthetic40Actors() => _smp.Run(_synthetic40).Turns;
}
