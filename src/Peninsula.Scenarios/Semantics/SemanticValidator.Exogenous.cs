using Peninsula.Scenarios.Yaml;

namespace Peninsula.Scenarios.Semantics;

internal sealed partial class SemanticValidator
{
    /// <summary>Distributions have min ≤ max and, for durations, no negative values.</summary>
    private void CheckExogenous()
    {
        const string path = "exogenous.border_closure.remaining_months";
        if (_doc.Map("exogenous")?.Map("border_closure")?.Map("remaining_months") is not { } dist) return;
        if (dist.Number("min") is { } min && dist.Number("max") is { } max && min > max)
            Error(At(dist, "max"), ScenarioPath.Key(path, "max"), $"max ({max}) is below min ({min})");
        if (dist.Number("min") is < 0)
            Error(At(dist, "min"), ScenarioPath.Key(path, "min"), "a duration cannot be negative");
        if (dist.Text("dist") == "fixed" && dist.Number("value") is < 0)
            Error(At(dist, "value"), ScenarioPath.Key(path, "value"), "a duration cannot be negative");
    }
}
