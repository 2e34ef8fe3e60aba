using Peninsula.Cli.Infrastructure;
using Peninsula.Bargaining;
using Peninsula.Bargaining.Input;
using Peninsula.Bargaining.Zone;
using Peninsula.Core;
using Peninsula.Engine.Spec;

namespace Peninsula.App;

/// <summary>Builds the agreement zone a scenario asks for, with one-line errors for a bad issue-space file.</summary>
public static class ZoneFactory
{
    /// <summary>The zone of <paramref name="spec"/> (null: the simple rule); the issue space is read relative to <paramref name="scenarioPath"/>.</summary>
    public static IAgreementZone Build(AgreementZoneSpec? spec, string scenarioPath)
    {
        if (spec is null) return SplitTheDifferenceZone.Instance;
        var (space, model) = Load(spec, scenarioPath);
        try
        {
            return new BargainingZone(space, model, Roles(spec, space));
        }
        catch (ArgumentException e)
        {
            throw new UserErrorException($"{Path.GetFileName(scenarioPath)}: agreement_zone: {e.Message}");
        }
    }

    /// <summary>The issue-space file's path resolved against the scenario's folder.</summary>
    public static string IssueSpacePath(AgreementZoneSpec spec, string scenarioPath) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(scenarioPath)) ?? ".", spec.IssueSpace));

    private static (IssueSpace, IBargainingModel) Load(AgreementZoneSpec spec, string scenarioPath)
    {
        var file = IssueSpacePath(spec, scenarioPath);
        if (!File.Exists(file))
            throw new UserErrorException($"{Path.GetFileName(scenarioPath)}: agreement_zone.issue_space: file '{spec.IssueSpace}' not found");
        IssueSpace space;
        try
        {
            space = BargainingYamlReader.ReadFile(file);
        }
        catch (BargainingInputException e)
        {
            throw new UserErrorException(e.Message);
        }
        var model = BargainingModels.Create(spec.Model)
            ?? throw new UserErrorException($"{Path.GetFileName(scenarioPath)}: agreement_zone.model: unknown model '{spec.Model}'");
        return (space, model);
    }

    private static ZoneRoles Roles(AgreementZoneSpec spec, IssueSpace space)
    {
        int Dim(string? name, int fallback, string field)
        {
            if (name is null) return fallback < space.DimensionCount ? fallback : throw new ArgumentException($"dimensions.{field}: the issue space has only {space.DimensionCount} dimensions");
            var i = space.Dimensions.IndexOf(name);
            return i >= 0 ? i : throw new ArgumentException($"dimensions.{field}: no dimension '{name}' (has: {string.Join(", ", space.Dimensions)})");
        }
        return new ZoneRoles(spec.Challenger, spec.Principal, Dim(spec.Scope, 0, "scope"), Dim(spec.Relief, 1, "relief"), Dim(spec.Normalization, 2, "normalization"));
    }
}
