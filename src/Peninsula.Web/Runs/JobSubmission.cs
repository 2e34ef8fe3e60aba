using System.Security.Cryptography;
using Peninsula.Cli.Infrastructure;
using Peninsula.Web.Catalog;
using Peninsula.Web.Levers;

namespace Peninsula.Web.Runs;

/// <summary>What became of a submitted form.</summary>
/// <param name="Job">The queued job, or null when the form was refused.</param>
/// <param name="Errors">Why it was refused (empty when queued).</param>
/// <param name="QueueFull">True when the form was fine but the queue had no room.</param>
public sealed record SubmissionResult(JobRecord? Job, FormErrors Errors, bool QueueFull);

/// <summary>
/// Turns a submitted lever form into a queued job: checks runs and seed as the CLI does, writes the edited scenario
/// (content-addressed), loads it with the scenario loader (so problems come back in the loader's words, next to the
/// lever they concern), checks the request like <c>peninsula run</c>, and enqueues. Never simulates.
/// </summary>
public sealed class JobSubmission(EditStore edits, JobStore jobs, JobChannel queue, WebOptions options, TimeProvider time)
{
    /// <summary>The id the edited package gets (another when the scenario already uses it).</summary>
    public const string CustomPolicyId = "custom";

    /// <summary>Validates and queues.</summary>
    public SubmissionResult Submit(ScenarioEntry entry, LeverForm form, FormErrors errors)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        var simulation = form.Simulation(options.MaxRuns, errors);
        var session = entry.Session;
        string basePolicy;
        try
        {
            basePolicy = session.PolicyOrDefault(form.Base.Length == 0 ? null : form.Base);
        }
        catch (UserErrorException e)
        {
            errors.Add(null, e.Message);
            return new SubmissionResult(null, errors, false);
        }
        var customId = entry.Document.PolicyIds.Contains(CustomPolicyId) ? "web-" + CustomPolicyId : CustomPolicyId;
        var baseLevers = entry.Document.LeversOf(basePolicy, session.Spec.Start);
        var changes = form.Levers.ChangesFrom(baseLevers);
        var label = $"Edited from {session.Spec.Policy(basePolicy)?.Label ?? basePolicy}";
        var description = changes.Count == 0
            ? $"{basePolicy} as written (edited in the web app)."
            : $"{basePolicy} with {string.Join("; ", changes.Select(c => $"{c.Label.ToLowerInvariant()} {c.Other} -> {c.Value}"))} (edited in the web app).";
        var text = entry.Document.WithPolicy(customId, label, description, basePolicy, form.Levers);
        var (hash, file) = edits.Write(entry.Document, text);
        ScenarioSession edited;
        try
        {
            edited = ScenarioSession.Open(file, Cli.CodeVersion.Current, null);
        }
        catch (ScenarioInvalidException e)
        {
            foreach (var line in e.Lines) errors.AddScenarioLine(line, customId);
            return new SubmissionResult(null, errors, false);
        }
        catch (UserErrorException e)
        {
            errors.Add(null, e.Message);
            return new SubmissionResult(null, errors, false);
        }
        if (!errors.IsEmpty || simulation is not { } sim) return new SubmissionResult(null, errors, false);

        var reference = edited.Loaded.ReferencePolicy ?? basePolicy;
        var policies = new List<string> { customId, basePolicy };
        if (!policies.Contains(reference)) policies.Add(reference);
        if (form.AllPackages) policies.AddRange(edited.Spec.Policies.Select(p => p.Id).Where(p => !policies.Contains(p)));
        try
        {
            foreach (var p in policies) Simulator.Request(edited, p, new SimulationOptions(sim.Runs, sim.Seed));
        }
        catch (UserErrorException e)
        {
            errors.Add("runs", e.Message);
            return new SubmissionResult(null, errors, false);
        }

        var record = new JobRecord(
            RandomNumberGenerator.GetHexString(32, lowercase: true), entry.Id, session.Spec.Name, hash, entry.Document.RelativePath,
            basePolicy, reference, customId, [.. policies], sim.Runs, sim.Seed, form.Levers, baseLevers,
            JobState.Queued, null, [], [], time.GetUtcNow(), null);
        // Saved before it is queued: the worker's first save (running) must come after this one.
        jobs.Save(record);
        var job = new RunJob(record);
        if (!queue.TryEnqueue(job))
        {
            job.Dispose();
            jobs.Delete(record.Id);
            errors.Add(null, $"The run queue is full ({queue.Capacity} jobs waiting); nothing was started. Try again in a minute ('peninsula serve --queue N' sets the size).");
            return new SubmissionResult(null, errors, true);
        }
        return new SubmissionResult(record, errors, false);
    }

    /// <summary>The form a finished or failed job was submitted with (for "run again").</summary>
    public static LeverForm FormOf(JobRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var core = new[] { record.CustomPolicy, record.BasePolicy, record.ReferencePolicy }.Distinct(StringComparer.Ordinal).Count();
        return new LeverForm(record.BasePolicy, record.Levers, record.Runs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            record.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), record.Policies.Length > core);
    }
}
