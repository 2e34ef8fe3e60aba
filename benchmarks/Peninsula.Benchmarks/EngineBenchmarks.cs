using BenchmarkDotNet.Attributes;
using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Runner;
using Peninsula.Engine.Spec;
using Peninsula.Scenarios;

namespace Peninsula.Benchmarks;

/// <summary>
/// Speed of the engine's hot paths on the shipped default scenario: one batch of 1000 runs × 48 months
/// (run-months per second = 48000 / mean time), a full 20000-run single-threaded run, and the
/// deterministic elementary functions against System.Math.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private SimulationRequest _request = null!;
    private Coefficients[] _coefficients = null!;
    private MonthContext[] _months = null!;
    private readonly double[] _xs = Enumerable.Range(0, 1024).Select(i => -20.0 + 40.0 * i / 1024).ToArray();

    [GlobalSetup]
    public void Setup()
    {
        var spec = LoadDefault();
        _request = new SimulationRequest(spec, spec.Policies[0].Id, 20000, 48, 1, 100);
        _coefficients = MonteCarloRunner.DrawCoefficients(_request);
        _months = MonthContext.Build(spec, spec.Policies[0], 48);
    }

    /// <summary>The default scenario, found by walking up to the repository root.</summary>
    public static SimulationSpec LoadDefault()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "scenarios", "transition-2021.yaml");
            if (File.Exists(path)) return ScenarioLoader.Load(path).Spec ?? throw new InvalidOperationException("default scenario invalid");
        }
        throw new FileNotFoundException("scenarios/transition-2021.yaml not found above " + AppContext.BaseDirectory);
    }

    [Benchmark(Description = "one batch: 1000 runs x 48 months")]
    public BatchResult Batch1000x48() => BatchSimulator.Run(_request, _coefficients, _months, 0, SplitTheDifferenceZone.Instance);

    [Benchmark(Description = "full run: 20000 runs x 48 months, 1 thread")]
    public RunResult Run20000SingleThread() => MonteCarloRunner.Run(_request, new RunOptions(Threads: 1));

    [Benchmark(Description = "DetMath.Exp x1024")]
    public double DetExp()
    {
        var s = 0.0;
        foreach (var x in _xs) s += DetMath.Exp(x);
        return s;
    }

    [Benchmark(Description = "Math.Exp x1024", Baseline = true)]
    public double MathExp()
    {
        var s = 0.0;
        foreach (var x in _xs) s += Math.Exp(x);
        return s;
    }
}
