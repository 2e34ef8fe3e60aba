using Peninsula.App;
using Peninsula.Bargaining;
using Peninsula.Bargaining.Input;
using Peninsula.Bargaining.Zone;
using Peninsula.Engine.Spec;

namespace Peninsula.Reporting;

/// <summary>
/// The bargaining behind a scenario's <c>agreement_zone:</c>: its issue space, the zone model's forecast, and the
/// trajectories drawn. A one-shot model (compromise, median, Nash) has no trajectory, so the trajectories are then
/// those of the SMP model (KTAB's) on the same issue space, labelled as such.
/// </summary>
/// <param name="IssueSpaceFile">The issue-space file read.</param>
/// <param name="Space">The issue space.</param>
/// <param name="Zone">The scenario's zone model run on it.</param>
/// <param name="Trajectories">The run whose trajectories are drawn (<paramref name="Zone"/> itself when it has turns).</param>
public sealed record BargainingView(string IssueSpaceFile, IssueSpace Space, BargainingResult Zone, BargainingResult Trajectories)
{
    /// <summary>
    /// Reads the issue space of <paramref name="zone"/> (relative to <paramref name="scenarioFolder"/>) and runs the models;
    /// null with a one-line reason when there is no zone or the file cannot be used.
    /// </summary>
    public static BargainingView? Build(AgreementZoneSpec? zone, string scenarioFolder, out string? reason)
    {
        reason = null;
        if (zone is null)
        {
            reason = "The scenario declares no agreement_zone: the negotiation module uses the simple split-the-difference rule, so there is no bargaining model to show.";
            return null;
        }
        var file = ZoneFactory.IssueSpacePath(zone, Path.Combine(scenarioFolder, "scenario.yaml"));
        if (!File.Exists(file))
        {
            reason = $"agreement_zone.issue_space: file '{zone.IssueSpace}' not found beside the scenario.";
            return null;
        }
        try
        {
            var space = BargainingYamlReader.ReadFile(file);
            var model = BargainingModels.Create(zone.Model);
            if (model is null)
            {
                reason = $"agreement_zone.model: unknown model '{zone.Model}'.";
                return null;
            }
            var result = model.Run(space);
            var trajectories = result.Turns > 0 ? result : BargainingModels.Create("smp")!.Run(space);
            return new BargainingView(file, space, result, trajectories);
        }
        catch (Exception e) when (e is BargainingInputException or ArgumentException or InvalidOperationException)
        {
            reason = $"{Path.GetFileName(file)}: {e.Message.ReplaceLineEndings(" ")}";
            return null;
        }
    }
}
