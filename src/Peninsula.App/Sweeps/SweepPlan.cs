using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Peninsula.Cli.Infrastructure;

namespace Peninsula.App;

/// <summary>
/// The cells of a sweep, each a loaded, valid scenario and package: the Cartesian product of the grid's values.
/// A cell that sets levers runs a copy of the scenario with one more package (the cell's base package with the
/// levers set, written through <see cref="ScenarioDocument"/> and judged by the scenario loader), so its run id
/// depends only on the cell itself, not on the rest of the grid: a larger grid later reuses every cell already
/// stored. The copies live in a temporary folder removed by <see cref="Dispose"/>.
/// </summary>
public sealed partial class SweepPlan : IDisposable
{
    private readonly string? _workFolder;

    private SweepPlan(ScenarioSession session, ImmutableArray<GridAxis> axes, string basePolicy, ImmutableArray<SweepCell> cells, string? workFolder)
    {
        Session = session;
        Axes = axes;
        BasePolicy = basePolicy;
        Cells = cells;
        _workFolder = workFolder;
    }

    /// <summary>The scenario as written (with its calibration).</summary>
    public ScenarioSession Session { get; }

    /// <summary>The grid, in the order given.</summary>
    public ImmutableArray<GridAxis> Axes { get; }

    /// <summary>The package every cell starts from when the grid has no <c>policy</c> key (else the first package listed).</summary>
    public string BasePolicy { get; }

    /// <summary>Every cell; the first is the base cell (the first value of every key).</summary>
    public ImmutableArray<SweepCell> Cells { get; }

    /// <summary>
    /// Checks the grid against the scenario and builds every cell (writing and loading each edited scenario), so
    /// every problem is reported before anything is simulated.
    /// </summary>
    /// <param name="session">The scenario, with the calibration the cells use.</param>
    /// <param name="axes">The parsed grid.</param>
    /// <param name="basePolicy">The package to edit when the grid has no <c>policy</c> key (null: the scenario's default).</param>
    /// <param name="codeVersion">Code version for the cells' provenance.</param>
    /// <param name="threads">Threads loading the cells' scenarios (null: all cores); does not change the plan.</param>
    /// <exception cref="UserErrorException">An unknown package, a lever that would change nothing, or a value the loader rejects (one line naming <c>--grid</c> and the key).</exception>
    public static SweepPlan Build(ScenarioSession session, IReadOnlyList<GridAxis> axes, string? basePolicy, string codeVersion, int? threads = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(axes);
        var policyAxis = axes.FirstOrDefault(a => a.Key == LeverGrid.PolicyKey);
        if (policyAxis is not null && basePolicy is not null)
            throw new UserErrorException("--policy cannot be used with --grid policy=…: the grid's first package is the base");
        foreach (var p in policyAxis?.Values ?? [])
        {
            if (session.Spec.Policy(p) is null)
                throw new UserErrorException($"--grid policy: unknown package '{p}' in {Path.GetFileName(session.Path)} (has: {string.Join(", ", session.Spec.Policies.Select(x => x.Id))})");
        }
        var basePackage = policyAxis?.Values[0] ?? session.PolicyOrDefault(basePolicy);
        var packages = policyAxis?.Values ?? [basePackage];
        var levers = axes.Where(a => a.Key != LeverGrid.PolicyKey).ToList();

        ScenarioDocument? document = null;
        if (levers.Count > 0)
        {
            document = ScenarioDocument.Load(session.Path)
                ?? throw new UserErrorException($"{Path.GetFileName(session.Path)}: cannot set levers: the scenario or a file it extends is not a plain YAML mapping");
            CheckDetails(document, session, packages, levers);
        }

        var count = (int)LeverGrid.CellCount(axes);
        var cells = new SweepCell[count];
        if (document is null)
        {
            for (var index = 0; index < count; index++)
            {
                var assignments = Assignments(axes, index);
                var package = PackageOf(assignments, basePackage);
                cells[index] = new SweepCell(index, assignments, package, session, package);
            }
            return new SweepPlan(session, [.. axes], basePackage, [.. cells], null);
        }

        var work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "peninsula-sweep-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var id = document.PolicyIds.Contains("sweep") ? "sweep-cell" : "sweep";
            var files = new string[count];
            for (var index = 0; index < count; index++)
                files[index] = Write(session, document, id, Assignments(axes, index), basePackage, work);
            // Loading (parsing, schema and semantic checks) is most of the cost of a cell that is already stored; the
            // cells are independent, and the first failing cell in grid order is reported whatever the thread count.
            var errors = new string?[count];
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads ?? Environment.ProcessorCount) }, index =>
            {
                var assignments = Assignments(axes, index);
                try
                {
                    var cell = ScenarioSession.Open(files[index], codeVersion);
                    if (session.Calibration is { } calibration) cell = cell.WithCalibration(calibration, "calibration");
                    cells[index] = new SweepCell(index, assignments, PackageOf(assignments, basePackage), cell, id);
                }
                catch (ScenarioInvalidException e)
                {
                    errors[index] = CellError(e.Lines, id, assignments);
                }
                catch (UserErrorException e)
                {
                    errors[index] = e.Message;
                }
            });
            if (errors.FirstOrDefault(e => e is not null) is { } error) throw new UserErrorException(error);
        }
        catch
        {
            Delete(work);
            throw;
        }
        return new SweepPlan(session, [.. axes], basePackage, [.. cells], work);
    }

    /// <summary>Removes the edited scenarios written for the cells.</summary>
    public void Dispose() => Delete(_workFolder);

    /// <summary>Assignments of cell <paramref name="index"/>: mixed radix, the last key varying fastest.</summary>
    private static ImmutableArray<(string Key, string Value)> Assignments(IReadOnlyList<GridAxis> axes, int index)
    {
        var values = new (string, string)[axes.Count];
        var rest = index;
        for (var a = axes.Count - 1; a >= 0; a--)
        {
            var n = axes[a].Values.Length;
            values[a] = (axes[a].Key, axes[a].Values[rest % n]);
            rest /= n;
        }
        return [.. values];
    }

    private static string PackageOf(ImmutableArray<(string Key, string Value)> assignments, string basePackage) =>
        assignments.Where(a => a.Key == LeverGrid.PolicyKey).Select(a => a.Value).FirstOrDefault() ?? basePackage;

    /// <summary>
    /// Writes the cell's scenario: a copy with one more package <paramref name="id"/>, the cell's package with its levers
    /// set; returns the file's path.
    /// </summary>
    private static string Write(ScenarioSession session, ScenarioDocument document, string id, ImmutableArray<(string Key, string Value)> assignments,
        string basePackage, string work)
    {
        var package = PackageOf(assignments, basePackage);
        var levers = document.LeversOf(package, session.Spec.Start);
        var set = assignments.Where(a => a.Key != LeverGrid.PolicyKey).ToList();
        foreach (var (key, value) in set) levers = levers.With(key, value);
        var what = string.Join(", ", set.Select(a => a.Key + "=" + a.Value));
        var text = document.WithPolicy(id, $"{package} with {what}", $"Sweep cell: package {package} with {what}.", package, levers);
        var edit = ScenarioEdit.Of(document, text);
        // Under a folder named "scenarios": the loader confines a scenario's references to the nearest such folder.
        var folder = Directory.CreateDirectory(Path.Combine(work, edit.Hash)).FullName;
        return edit.WriteTo(Path.Combine(folder, "scenarios"), Path.Combine(folder, "tmp-" + Guid.NewGuid().ToString("N")));
    }

    /// <summary>Refuses message or aid details for a package that sends no message (offers no aid) when the grid never turns it on.</summary>
    private static void CheckDetails(ScenarioDocument document, ScenarioSession session, IReadOnlyList<string> packages, IReadOnlyList<GridAxis> levers)
    {
        foreach (var (switchKey, details, what) in new[] { ("message", PolicyLevers.MessageDetails, "sends no opening message"), ("aid", PolicyLevers.AidDetails, "offers no aid") })
        {
            if (levers.FirstOrDefault(a => details.Contains(a.Key)) is not { } detail) continue;
            if (levers.Any(a => a.Key == switchKey && a.Values.Contains("on"))) continue;
            foreach (var p in packages)
            {
                var l = document.LeversOf(p, session.Spec.Start);
                var on = switchKey == "message" ? l.MessageOn : l.AidOn;
                var switchedOff = levers.Any(a => a.Key == switchKey);
                if (!on || switchedOff)
                    throw new UserErrorException($"--grid {detail.Key}: package '{p}' {(switchedOff ? "has " + switchKey + "=off in every cell" : what)}, so {detail.Key} would change nothing; add --grid {switchKey}=on");
            }
        }
    }

    /// <summary>The loader's first complaint about the cell's package as one line naming the grid key it concerns.</summary>
    private static string CellError(IReadOnlyList<string> lines, string id, ImmutableArray<(string Key, string Value)> assignments)
    {
        var line = lines.FirstOrDefault(l => l.Contains(": policies." + id + ".", StringComparison.Ordinal) || l.Contains(": policies." + id + ":", StringComparison.Ordinal))
            ?? (lines.Count > 0 ? lines[0] : "invalid scenario");
        var field = PolicyLevers.FieldOf(line, id);
        var set = assignments.Where(a => a.Key != LeverGrid.PolicyKey).ToList();
        var culprit = set.FirstOrDefault(a => a.Key == field);
        if (culprit.Key is null && field is not null)
        {
            var parent = PolicyLevers.MessageDetails.Contains(field) ? "message" : PolicyLevers.AidDetails.Contains(field) ? "aid" : null;
            culprit = set.FirstOrDefault(a => a.Key == parent);
        }
        if (culprit.Key is null) culprit = set[0];
        var marker = "policies." + id + ".";
        var at = line.IndexOf(marker, StringComparison.Ordinal);
        var detail = at >= 0 ? line[(at + marker.Length)..] : Location().Replace(line, "");
        var cell = assignments.Length > 1 ? $" (cell {string.Join(", ", assignments.Select(a => a.Key + "=" + a.Value))})" : "";
        return $"--grid {culprit.Key}={culprit.Value}: {detail}{cell}";
    }

    private static void Delete(string? folder)
    {
        if (folder is null || !Directory.Exists(folder)) return;
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temporary copy left behind is harmless; the results are in the store.
        }
    }

    [GeneratedRegex(@"^[^:]*:\d+: ", RegexOptions.CultureInvariant)]
    private static partial Regex Location();
}
