using Peninsula.Engine.Spec;

namespace Peninsula.Scenarios;

/// <summary>What <see cref="ScenarioLoader.Load(string, string?)"/> returns: the compiled scenario or every error found.</summary>
public sealed class LoadResult
{
    internal LoadResult(
        SimulationSpec? spec,
        IReadOnlyList<ScenarioError> errors,
        string text,
        string sha256,
        IReadOnlyDictionary<string, string> rationales,
        string? defaultPolicy,
        string? referencePolicy)
    {
        Spec = spec;
        Errors = errors;
        Text = text;
        Sha256 = sha256;
        Rationales = rationales;
        DefaultPolicy = defaultPolicy;
        ReferencePolicy = referencePolicy;
    }

    /// <summary>The compiled scenario; null when there are errors.</summary>
    public SimulationSpec? Spec { get; }

    /// <summary>Every error found, sorted by file (base files first, in <c>extends:</c> order) then line.</summary>
    public IReadOnlyList<ScenarioError> Errors { get; }

    /// <summary>True when the scenario loaded without errors.</summary>
    public bool IsValid => Errors.Count == 0 && Spec is not null;

    /// <summary>
    /// Canonical text for hashing: for each file of the <c>extends:</c> chain, from the root base to the
    /// loaded file, <c>"# file: NAME\n"</c> followed by the file's text with line endings normalised to <c>\n</c>.
    /// </summary>
    public string Text { get; }

    /// <summary>Lowercase hex SHA-256 of <see cref="Text"/> encoded as UTF-8.</summary>
    public string Sha256 { get; }

    /// <summary>
    /// Every rationale string of the merged scenario, keyed by the dotted path of what it justifies:
    /// <c>parameters.NAME</c>, <c>channels.ID</c>, <c>initial.FIELD</c>, <c>exogenous.border_closure</c>,
    /// <c>administrations.ACTOR.successor</c>, <c>attention</c>, <c>exercises</c>, <c>policies.ID</c>, …
    /// </summary>
    public IReadOnlyDictionary<string, string> Rationales { get; }

    /// <summary>Id of the package run when none is named (the first declared unless <c>default_policy</c> says otherwise).</summary>
    public string? DefaultPolicy { get; }

    /// <summary>Id of the package others are compared against (the first declared unless <c>reference_policy</c> says otherwise).</summary>
    public string? ReferencePolicy { get; }
}
