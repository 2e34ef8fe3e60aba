using Peninsula.Cli.Infrastructure;
using Peninsula.Core;
using Peninsula.Engine.Output;
using Peninsula.Engine.Spec;
using Peninsula.Estimation;
using Peninsula.Scenarios;

namespace Peninsula.App;

/// <summary>A loaded, valid scenario with its provenance.</summary>
public sealed class ScenarioSession
{
    private ScenarioSession(string path, LoadResult loaded, SimulationSpec spec, Provenance provenance, string variant = "")
    {
        Path = path;
        Loaded = loaded;
        Spec = spec;
        Provenance = provenance;
        Variant = variant;
    }

    /// <summary>
    /// What changes the simulation beyond the scenario text and calibration (e.g. a reconstructed initial state),
    /// as text folded into the run id; empty for a scenario run as written.
    /// </summary>
    public string Variant { get; }

    private IAgreementZone? _zone;

    /// <summary>
    /// The agreement zone the negotiation module asks: the scenario's bargaining model on its issue space
    /// (<c>agreement_zone:</c>), else the simple split-the-difference rule. Built on first use.
    /// </summary>
    public IAgreementZone Zone => _zone ??= ZoneFactory.Build(Spec.Zone, Path);

    /// <summary>The calibration applied, or null for priors.</summary>
    public Calibration? Calibration { get; private init; }

    /// <summary>Scenario file path.</summary>
    public string Path { get; }
    /// <summary>The loader's result (text, hash, default policy).</summary>
    public LoadResult Loaded { get; }
    /// <summary>The compiled scenario.</summary>
    public SimulationSpec Spec { get; }
    /// <summary>Provenance for outputs.</summary>
    public Provenance Provenance { get; }

    /// <summary>
    /// Loads a scenario and applies a calibration: <paramref name="calibration"/> is a file, "none" (priors), or
    /// null for the newest shipped calibration whose cutoff is before the scenario's start (priors if none is).
    /// </summary>
    public static ScenarioSession Open(string? path, string codeVersion, string? calibration)
    {
        var session = Open(path, codeVersion);
        if (string.Equals(calibration, "none", StringComparison.Ordinal)) return session;
        string? file = calibration;
        if (file is null)
        {
            file = CalibrationCatalog.NewestBefore(session.Spec.Start);
            if (file is null) return session;
        }
        return session.WithCalibration(CalibrationCatalog.Read(file), file);
    }

    /// <summary>This session with <paramref name="cal"/> applied to the scenario's parameters (rejects look-ahead).</summary>
    public ScenarioSession WithCalibration(Calibration cal, string file)
    {
        ArgumentNullException.ThrowIfNull(cal);
        if (cal.Cutoff >= Spec.Start)
            throw new UserErrorException($"{System.IO.Path.GetFileName(file)}: cutoff {cal.Cutoff} is not before the scenario's start {Spec.Start} (the calibration would have seen the forecast period)");
        ParameterSetOf(cal, file, out var parameters);
        var spec = Spec with { Parameters = parameters };
        var info = new CalibrationInfo("fitted:" + cal.Form, cal.Cutoff.ToString(), cal.Sha256());
        return new ScenarioSession(Path, Loaded, spec, Provenance with { Calibration = info }, Variant) { Calibration = cal };
    }

    /// <summary>This session starting from <paramref name="initial"/> instead of the scenario's stated state.</summary>
    public ScenarioSession WithInitialState(InitialState initial, string description) =>
        new(Path, Loaded, Spec with { Initial = initial }, Provenance, Variant + "\ninitial:" + description) { Calibration = Calibration };

    private void ParameterSetOf(Calibration cal, string file, out Core.ParameterSet parameters)
    {
        try
        {
            parameters = cal.Apply(Spec.Parameters);
        }
        catch (CalibrationException e)
        {
            throw new UserErrorException($"{System.IO.Path.GetFileName(file)}: {e.Message}");
        }
    }

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
        // The issue space behind a bargaining zone is part of what determines the results (run ids hash it).
        var variant = spec.Zone is { } zone && File.Exists(ZoneFactory.IssueSpacePath(zone, path))
            ? "zone:" + Hashing.Sha256(File.ReadAllText(ZoneFactory.IssueSpacePath(zone, path)))
            : "";
        return new ScenarioSession(path, loaded, spec, provenance, variant);
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
