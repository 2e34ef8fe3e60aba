using Peninsula.Engine.Output;
using Peninsula.Engine.Spec;
using Peninsula.Scenarios;

namespace Peninsula.Cli.Infrastructure;

/// <summary>A loaded, valid scenario with its provenance.</summary>
public sealed class ScenarioSession
{
    private ScenarioSession(string path, LoadResult loaded, SimulationSpec spec, Provenance provenance)
    {
        Path = path;
        Loaded = loaded;
        Spec = spec;
        Provenance = provenance;
    }

    /// <summary>Scenario file path.</summary>
    public string Path { get; }
    /// <summary>The loader's result (text, hash, default policy).</summary>
    public LoadResult Loaded { get; }
    /// <summary>The compiled scenario.</summary>
    public SimulationSpec Spec { get; }
    /// <summary>Provenance for outputs.</summary>
    public Provenance Provenance { get; }

    /// <summary>Loads a scenario or throws <see cref="ScenarioInvalidException"/> carrying every error line.</summary>
    public static ScenarioSession Open(string? path, string codeVersion)
    {
        path ??= RepositoryPaths.DefaultScenario();
        var loaded = ScenarioLoader.Load(path);
        if (loaded.Errors.Count > 0 || loaded.Spec is null) throw new ScenarioInvalidException(loaded.Errors.Select(e => e.ToString()).ToList());
        var spec = loaded.Spec;
        var provenance = new Provenance(
            codeVersion,
            loaded.Sha256,
            Hashing.DataSha256(RepositoryPaths.DataFolder()),
            new CalibrationInfo("priors", null, Hashing.ParametersSha256(spec.Parameters)));
        return new ScenarioSession(path, loaded, spec, provenance);
    }

    /// <summary>The policy id to use: the given one (validated) or the scenario's default.</summary>
    public string PolicyOrDefault(string? id)
    {
        if (id is null) return Loaded.DefaultPolicy ?? Spec.Policies[0].Id;
        if (Spec.Policy(id) is null)
            throw new UserErrorException($"unknown policy '{id}' in {System.IO.Path.GetFileName(Path)} (has: {string.Join(", ", Spec.Policies.Select(p => p.Id))})");
        return id;
    }
}

/// <summary>A scenario that failed validation; each line is one error "file:line: field: message".</summary>
public sealed class ScenarioInvalidException(IReadOnlyList<string> lines) : Exception(lines.Count > 0 ? lines[0] : "invalid scenario")
{
    /// <summary>Every error line.</summary>
    public IReadOnlyList<string> Lines { get; } = lines;
}
