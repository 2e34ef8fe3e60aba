using System.Collections.Immutable;
using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Spec;
using Peninsula.Scenarios.Yaml;
using static Peninsula.Scenarios.Building.Fields;

namespace Peninsula.Scenarios.Building;

internal static partial class SpecBuilder
{
    private static ImmutableArray<AgreementSpec> BuildAgreements(YMap doc) =>
        doc.Map("agreements")?.Entries
            .Select(e =>
            {
                var fields = (YMap)e.Value;
                var path = ScenarioPath.Key("agreements", e.Key);
                return new AgreementSpec(
                    Id: e.Key,
                    Name: Text(fields, "name", path),
                    Signed: MonthOf(fields, "signed", path),
                    InForce: Flag(fields, "in_force", path),
                    Strength: Number(fields, "strength", path),
                    RestrainsFromLevel: Integer(fields, "restrains_from_level", path));
            })
            .ToImmutableArray() ?? [];

    private static InitialState BuildInitial(YMap doc)
    {
        const string path = "initial";
        var initial = Map(doc, "initial", "");
        var phaseName = Text(initial, "phase", path);
        var phase = Phases.Ids.ToList().IndexOf(phaseName);
        if (phase < 0) throw new SpecBuildException(initial.Origin, "initial.phase", $"unknown phase '{phaseName}'");
        // Without an explicit list, the agreements in force are those flagged in_force.
        var inForce = initial.Find("agreements_in_force") is not null
            ? Texts(initial, "agreements_in_force", path)
            : doc.Map("agreements")?.Entries.Where(e => (e.Value as YMap)?.Flag("in_force") == true).Select(e => e.Key).ToArray() ?? [];
        return new InitialState(
            UnSanctions: Number(initial, "un_sanctions", path),
            UnilateralSanctions: Number(initial, "unilateral_sanctions", path),
            Enforcement: Number(initial, "enforcement", path),
            Relief: Number(initial, "relief", path),
            EconomicStress: Number(initial, "economic_stress", path),
            TrustChallenger: Number(initial, "trust_challenger", path),
            TrustPrincipal: Number(initial, "trust_principal", path),
            Attention: Number(initial, "attention", path),
            Capability: Number(initial, "capability", path),
            Pipeline: Integer(initial, "pipeline", path),
            Moratorium: Flag(initial, "moratorium", path),
            Phase: (Phase)phase,
            LastLevel: Integer(initial, "last_level", path),
            RecentActivity: Number(initial, "recent_activity", path),
            AgreementsInForce: [.. inForce]);
    }

    private static ExogenousSpec BuildExogenous(YMap doc)
    {
        var exogenous = doc.Map("exogenous");
        var border = exogenous?.Map("border_closure");
        const string borderPath = "exogenous.border_closure";
        var closed = border is not null && Flag(border, "closed_at_start", borderPath);
        var remaining = border?.Map("remaining_months") is { } dist ? BuildDistribution(dist, borderPath + ".remaining_months") : null;
        return new ExogenousSpec(
            BorderClosedAtStart: closed,
            BorderClosureRemaining: remaining,
            AidBlockedWhenClosed: border is null ? 0 : Number(border, "aid_blocked", borderPath, 0),
            DisasterProbabilityByMonth: Calendar(exogenous?.Map("disasters")?.Map("monthly_probability")));
    }

    private static Distribution BuildDistribution(YMap dist, string path) => Text(dist, "dist", path) switch
    {
        "fixed" => new FixedDistribution(Number(dist, "value", path)),
        "lognormal" => new LogNormalDistribution(Number(dist, "median", path), Number(dist, "sd_log", path), Number(dist, "min", path), Number(dist, "max", path)),
        "uniform" => new UniformDistribution(Number(dist, "min", path), Number(dist, "max", path)),
        var other => throw new SpecBuildException(dist.Origin, path, $"unknown distribution '{other}'"),
    };

    /// <summary>The parameters in <see cref="ParameterCatalog.All"/> order, bounded by the catalog, covariance diag(sd²).</summary>
    private static ParameterSet BuildParameters(YMap doc)
    {
        var parameters = Map(doc, "parameters", "");
        var specs = ParameterCatalog.All.Select(info =>
        {
            var path = ScenarioPath.Key("parameters", info.Name);
            var fields = Map(parameters, info.Name, "parameters");
            return new ParameterSpec(info.Name, Number(fields, "value", path), Number(fields, "sd", path), info.Min, info.Max, Text(fields, "rationale", path));
        });
        return new ParameterSet(specs);
    }
}
