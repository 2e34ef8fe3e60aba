using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Peninsula.App;
using Peninsula.Cli.Infrastructure;
using Peninsula.Core;
using Peninsula.Engine.Output;
using Peninsula.Engine.Runner;
using Peninsula.Estimation;
using Peninsula.Storage;

namespace Peninsula.Reporting;

/// <summary>One stored run: its manifest, the forecast JSON stored when it completed, that JSON read back, and its batches.</summary>
/// <param name="Manifest">What identifies and reproduces the run.</param>
/// <param name="Json">The stored forecast JSON, as stored.</param>
/// <param name="Forecast">The stored forecast read back.</param>
/// <param name="Batches">Every stored batch in index order, or empty when one is missing.</param>
public sealed record StoredRun(RunManifest Manifest, string Json, ForecastDocument Forecast, ImmutableArray<BatchResult> Batches);

/// <summary>
/// A comparison rebuilt from the run store, without simulating anything (<c>report --from-db</c>).
/// <para>
/// The numbers shown are the stored forecast JSON read back (<see cref="ForecastJsonReader"/>). The other packages of the
/// same comparison are the runs stored by the same command with the same scenario, seed, sizes, code version and
/// calibration. Paired differences need every run's per-run outcomes, which the stored batches hold, so they are
/// recomputed from the batches exactly as when the runs were made; re-aggregating the batches into forecast JSON and
/// comparing it with the stored JSON byte for byte checks that the two agree. The scenario is the repository file whose
/// text hashes to the stored SHA-256, else the stored text itself; the calibration is the one whose SHA-256 the
/// forecast names.
/// </para>
/// </summary>
public sealed partial class StoredComparison
{
    private StoredComparison(string database, StoredRun requested, ImmutableArray<StoredRun> runs)
    {
        Database = database;
        Requested = requested;
        Runs = runs;
    }

    /// <summary>The database file.</summary>
    public string Database { get; }

    /// <summary>The run asked for.</summary>
    public StoredRun Requested { get; }

    /// <summary>Every run of the comparison (the requested one among them), in the order the store lists them.</summary>
    public ImmutableArray<StoredRun> Runs { get; }

    /// <summary>Whether <paramref name="text"/> can name a run: 8 to 64 hexadecimal digits.</summary>
    public static bool IsRunIdPrefix(string? text) => text is { Length: >= 8 and <= 64 } && HexDigits().IsMatch(text);

    /// <summary>
    /// Loads the run whose id is <paramref name="idOrPrefix"/> (a full id or a unique prefix of at least 8 hex digits)
    /// and the other runs of its comparison from <paramref name="database"/>, opened read-only.
    /// </summary>
    /// <exception cref="UserErrorException">Missing database, unknown or ambiguous id, incomplete run (one line).</exception>
    public static StoredComparison Load(string database, string idOrPrefix)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        if (!IsRunIdPrefix(idOrPrefix)) throw new UserErrorException($"--from-db: '{idOrPrefix}' is not a run id (8 to 64 hexadecimal digits)");
        if (!File.Exists(database)) throw new UserErrorException($"--db: database '{database}' not found");
        SqliteRunStore store;
        try
        {
            store = new SqliteRunStore(database, StoreAccess.ReadOnly);
        }
        catch (InvalidOperationException e)
        {
            throw new UserErrorException($"--db: {database}: {e.Message.ReplaceLineEndings(" ")}");
        }
        using (store)
        {
            var prefix = idOrPrefix.ToLowerInvariant();
            var all = store.ListRuns();
            var matches = prefix.Length == 64
                ? all.Where(r => r.RunId == prefix).ToList()
                : all.Where(r => r.RunId.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            if (matches.Count == 0)
                throw new UserErrorException($"--from-db: no run '{idOrPrefix}' in {database} ({all.Count} run{(all.Count == 1 ? "" : "s")} stored)");
            if (matches.Count > 1)
                throw new UserErrorException($"--from-db: '{idOrPrefix}' is ambiguous in {database}: {matches.Count} runs start with it ({string.Join(", ", matches.Take(4).Select(m => m.RunId[..12]))}…); give more digits");
            var manifest = matches[0];
            var json = store.LoadForecast(manifest.RunId)
                ?? throw new UserErrorException($"--from-db: run {manifest.RunId[..12]} in {database} is not complete (no forecast stored); complete it with the same command and --resume");
            var requested = Read(store, manifest, json);
            var runs = new List<StoredRun>();
            foreach (var m in all)
            {
                if (m.RunId == manifest.RunId) { runs.Add(requested); continue; }
                if (!SameComparison(m, manifest) || store.LoadForecast(m.RunId) is not { } other) continue;
                var run = Read(store, m, other);
                if (run.Forecast.Provenance.Calibration.Sha256 == requested.Forecast.Provenance.Calibration.Sha256) runs.Add(run);
            }
            return new StoredComparison(database, requested, [.. runs]);
        }
    }

    /// <summary>
    /// The scenario the runs simulated, with the calibration their forecasts name applied, and the folder its relative
    /// paths resolve against. <paramref name="calibrationFile"/> points at the calibration when it is not among the
    /// repository's calibrations/. <paramref name="note"/> says where the scenario and calibration came from.
    /// </summary>
    /// <exception cref="UserErrorException">The stored scenario no longer loads, or the calibration file given is not the one used.</exception>
    public (ScenarioSession Session, ScenarioSession Priors, string ScenarioFolder, string? ScenarioFile) OpenScenario(string codeVersion, string? calibrationFile, out string note)
    {
        var m = Requested.Manifest;
        var (priors, folder, file, scenarioNote) = FindScenario(m, codeVersion);
        var cal = Requested.Forecast.Provenance.Calibration;
        if (cal.Source == "priors")
        {
            if (calibrationFile is not null && calibrationFile != "none")
                throw new UserErrorException($"--calibration: run {m.RunId[..12]} used the scenario's priors, not a calibration");
            note = scenarioNote;
            return (priors, priors, folder, file);
        }
        if (calibrationFile == "none") throw new UserErrorException($"--calibration none: run {m.RunId[..12]} used a calibration ({cal.Source}, cutoff {cal.Cutoff})");
        var candidates = calibrationFile is not null
            ? [calibrationFile]
            : Directory.Exists(CalibrationCatalog.Folder()) ? Directory.GetFiles(CalibrationCatalog.Folder(), "*.json").OrderBy(f => f, StringComparer.Ordinal).ToList() : [];
        foreach (var candidate in candidates)
        {
            Calibration c;
            try
            {
                c = CalibrationCatalog.Read(candidate);
            }
            catch (UserErrorException) when (calibrationFile is null)
            {
                continue;
            }
            if (c.Sha256() == cal.Sha256)
            {
                note = $"{scenarioNote} Calibration: {RelativeToRoot(candidate)} (sha256 matches the stored forecasts).";
                return (priors.WithCalibration(c, candidate), priors, folder, file);
            }
            if (calibrationFile is not null)
                throw new UserErrorException($"--calibration: {calibrationFile} has sha256 {c.Sha256()[..12]}…, but run {m.RunId[..12]} used {cal.Sha256[..Math.Min(12, cal.Sha256.Length)]}…");
        }
        note = $"{scenarioNote} The calibration the runs used ({cal.Source}, cutoff {cal.Cutoff}, sha256 {cal.Sha256[..Math.Min(12, cal.Sha256.Length)]}…) is not in calibrations/ "
            + "(give it with --calibration FILE); the parameter table shows the scenario's priors instead, and the back-test and fitted history are those of the priors.";
        return (priors, priors, folder, file);
    }

    /// <summary>
    /// Paired differences of the headline outcomes against <paramref name="reference"/>, recomputed from the stored batches,
    /// and a check that the batches re-aggregate to the stored forecast JSON. Runs are given in <paramref name="order"/>.
    /// </summary>
    public (ImmutableArray<PairedDifference> Differences, string? DifferencesNote, string Verification) Recompute(ScenarioSession session, IReadOnlyList<StoredRun> order, string reference)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(order);
        var results = new Dictionary<string, RunResult>(StringComparer.Ordinal);
        var same = new List<string>();
        var differ = new List<string>();
        var missing = new List<string>();
        foreach (var run in order)
        {
            var m = run.Manifest;
            if (run.Batches.IsDefaultOrEmpty) { missing.Add(m.Policy); continue; }
            var request = new SimulationRequest(session.Spec, m.Policy, m.Runs, m.Months, m.Seed, m.ParameterDraws, m.BatchSize);
            var result = RunResult.Merge(request, run.Batches);
            results[m.Policy] = result;
            var rebuilt = ForecastJson.Write(ForecastBuilder.Build(result, run.Forecast.Provenance));
            (rebuilt == run.Json ? same : differ).Add(m.Policy);
        }
        var verification = $"Checked when this page was built: re-aggregating the stored batches reproduces the stored forecast JSON byte for byte for {same.Count} of {order.Count} runs"
            + (differ.Count > 0 ? $"; it differs for {string.Join(", ", differ)} (stored by code version {Requested.Manifest.CodeVersion}; the stored JSON is what is shown)" : "")
            + (missing.Count > 0 ? $"; batches are missing for {string.Join(", ", missing)}" : "") + ".";
        if (order.Count < 2) return ([], "Only one package was stored by this command: nothing to compare.", verification);
        if (!results.TryGetValue(reference, out var refResult) || missing.Count > 0)
            return ([], $"Paired differences need every package's stored batches, and some are missing ({string.Join(", ", missing)}).", verification);
        var differences = ImmutableArray.CreateBuilder<PairedDifference>();
        foreach (var run in order)
        {
            if (run.Manifest.Policy == reference) continue;
            foreach (var (ev, window) in HeadlineOutcomes.For(run.Manifest.Months))
                differences.Add(Comparison.Paired(results[run.Manifest.Policy], refResult, ev, window));
        }
        return (differences.ToImmutable(), null, verification);
    }

    private static bool SameComparison(RunManifest a, RunManifest b) =>
        a.Kind == b.Kind && a.ScenarioSha256 == b.ScenarioSha256 && a.Seed == b.Seed && a.Runs == b.Runs && a.Months == b.Months
        && a.ParameterDraws == b.ParameterDraws && a.BatchSize == b.BatchSize && a.CodeVersion == b.CodeVersion && a.CommandLine == b.CommandLine;

    private static StoredRun Read(IRunStore store, RunManifest m, string json)
    {
        ForecastDocument forecast;
        try
        {
            forecast = ForecastJsonReader.Read(json, $"run {m.RunId[..12]}");
        }
        catch (ForecastJsonException e)
        {
            throw new UserErrorException($"--from-db: {e.Message}");
        }
        var count = (m.Runs + m.BatchSize - 1) / m.BatchSize;
        var batches = ImmutableArray.CreateBuilder<BatchResult>(count);
        for (var b = 0; b < count; b++)
        {
            if (store.LoadBatch(m.RunId, b) is not { } payload) return new StoredRun(m, json, forecast, []);
            try
            {
                batches.Add(BatchResult.Deserialize(payload));
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
            {
                return new StoredRun(m, json, forecast, []);
            }
        }
        return new StoredRun(m, json, forecast, batches.MoveToImmutable());
    }

    private static (ScenarioSession Session, string Folder, string? File, string Note) FindScenario(RunManifest m, string codeVersion)
    {
        var chain = Chain(m.ScenarioText);
        if (chain.Count == 0) throw new UserErrorException($"--from-db: run {m.RunId[..12]} stores no scenario text");
        var root = RepositoryPaths.Root();
        var scenarios = Path.Combine(root, "scenarios");
        if (Directory.Exists(scenarios))
        {
            foreach (var candidate in Directory.EnumerateFiles(scenarios, chain[^1].Name, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                try
                {
                    var session = ScenarioSession.Open(candidate, codeVersion);
                    if (session.Loaded.Sha256 == m.ScenarioSha256)
                        return (session, Path.GetDirectoryName(candidate)!, candidate, $"Scenario: {RelativeToRoot(candidate)} (its text hashes to the stored sha256).");
                }
                catch (ScenarioInvalidException)
                {
                    // Another file of that name, or one broken since: try the next, then the stored text.
                }
            }
        }
        // The file has changed since the run: load the stored text itself (each file of its extends: chain side by side).
        var tmp = Path.Combine(Path.GetTempPath(), "peninsula-stored-" + m.RunId[..16] + "-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        try
        {
            Directory.CreateDirectory(tmp);
            foreach (var (name, text) in chain) File.WriteAllText(Path.Combine(tmp, name), text);
            var session = ScenarioSession.Open(Path.Combine(tmp, chain[^1].Name), codeVersion);
            if (session.Loaded.Sha256 != m.ScenarioSha256)
                throw new UserErrorException($"--from-db: the stored scenario text of run {m.RunId[..12]} does not hash to its stored sha256");
            return (session, scenarios, null, $"Scenario: the text stored with the runs ({chain[^1].Name} has changed in the repository since).");
        }
        catch (ScenarioInvalidException e)
        {
            throw new UserErrorException($"--from-db: the stored scenario text of run {m.RunId[..12]} no longer loads: {(e.Lines.Count > 0 ? e.Lines[0] : e.Message)}");
        }
        finally
        {
            try { Directory.Delete(tmp, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The files of a canonical scenario text ("# file: NAME\n" + text, root base first).</summary>
    internal static IReadOnlyList<(string Name, string Text)> Chain(string canonical)
    {
        var headers = FileHeader().Matches(canonical);
        var files = new List<(string, string)>();
        for (var i = 0; i < headers.Count; i++)
        {
            var start = headers[i].Index + headers[i].Length;
            var end = i + 1 < headers.Count ? headers[i + 1].Index : canonical.Length;
            var name = Path.GetFileName(headers[i].Groups[1].Value.Trim());
            if (name.Length > 0) files.Add((name, canonical[start..end]));
        }
        return files;
    }

    /// <summary>A path relative to the repository root when inside it, with '/' separators.</summary>
    public static string RelativeToRoot(string path)
    {
        var root = RepositoryPaths.Root();
        var full = Path.GetFullPath(path);
        var rel = Path.GetRelativePath(root, full);
        return rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel) ? full : rel.Replace('\\', '/');
    }

    [GeneratedRegex("^[0-9a-fA-F]+$")]
    private static partial Regex HexDigits();

    [GeneratedRegex(@"^# file: (.+)\n", RegexOptions.Multiline)]
    private static partial Regex FileHeader();
}
