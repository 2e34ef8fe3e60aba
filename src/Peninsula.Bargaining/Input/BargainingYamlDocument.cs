using System.Collections.Immutable;

namespace Peninsula.Bargaining.Input;

/// <summary>A <c>bargaining:</c> block read from YAML: the issue space and the stakeholders' rationales.</summary>
/// <param name="Space">Dimensions and stakeholders.</param>
/// <param name="Rationales">Each stakeholder's <c>rationale</c> text, keyed by stakeholder name (only those that have one).</param>
public sealed record BargainingYamlDocument(IssueSpace Space, ImmutableDictionary<string, string> Rationales);
