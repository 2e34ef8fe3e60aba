using System.Collections.Immutable;

namespace Peninsula.Engine.Model;

/// <summary>A parameter the engine requires, its admissible range and meaning.</summary>
public sealed record ParameterInfo(string Name, double Min, double Max, string Meaning);

/// <summary>
/// The engine's flat parameter vector: every coefficient and decay constant any module uses.
/// Scenarios must supply each one (value, sd, rationale); nothing else is accepted.
/// </summary>
public static class ParameterCatalog
{
    private const double Inf = double.PositiveInfinity;

    /// <summary>All parameters, in vector order.</summary>
    public static readonly ImmutableArray<ParameterInfo> All =
    [
        // Challenger ladder: continuation-ratio logit, one intercept per rung.
        new("ladder.alpha.1", -12, 12, "intercept, logit P(level>=1 | level>=0)"),
        new("ladder.alpha.2", -12, 12, "intercept, logit P(level>=2 | level>=1)"),
        new("ladder.alpha.3", -12, 12, "intercept, logit P(level>=3 | level>=2)"),
        new("ladder.alpha.4", -12, 12, "intercept, logit P(level>=4 | level>=3)"),
        new("ladder.alpha.5", -12, 12, "intercept, logit P(level>=5 | level>=4)"),
        new("ladder.alpha.6", -12, 12, "intercept, logit P(level>=6 | level>=5)"),
        // Shared slopes (apply at every rung).
        new("ladder.persist", -30, 30, "slope on last month's level >= 3"),
        new("ladder.recent", -30, 30, "slope on the EWMA of recent months at level >= 3"),
        new("ladder.recent_decay", 0, 0.99, "EWMA retention per month of recent activity"),
        new("ladder.base_rate", 0, 1, "centring constant of the persistence features (absorbed by the intercepts)"),
        new("ladder.upper_scale", 0, 2, "weight of the shared slopes at rungs 4-6 relative to rungs 1-3 (partial proportionality)"),
        new("ladder.season_cos", -30, 30, "slope on cos(2 pi month/12)"),
        new("ladder.season_sin", -30, 30, "slope on sin(2 pi month/12)"),
        new("ladder.pipeline", -30, 30, "slope on log(1 + displayed untested systems)"),
        new("ladder.exercise", -30, 30, "slope on joint-exercise intensity this month"),
        new("ladder.transition_principal", -30, 30, "slope on the principal's transition window"),
        new("ladder.transition_mediator", -30, 30, "slope on the mediator's transition window"),
        new("ladder.need", -30, 30, "slope on economic stress"),
        new("ladder.trust", -30, 30, "slope on the challenger's trust in the principal"),
        new("ladder.engaged", -30, 30, "slope on talks or a later phase being under way"),
        new("ladder.inattention", -30, 30, "slope on 1 - principal attention"),
        // Rung-specific terms (rungs 5 and 6 unless stated).
        new("ladder.moratorium", -60, 60, "rungs 5-6: moratorium in force"),
        new("ladder.agreement", -60, 60, "rungs at or above an agreement's restraint level: strength of the agreement in force"),
        new("ladder.sanction_cost", -60, 60, "rung j: expected sanctions pressure added by an act at level j, given veto odds"),
        new("ladder.negotiation_risk", -60, 60, "rung j >= hold threshold: value of negotiations put at risk by a conditional message"),
        // Challenger stance (engage / ignore), drawn after the level.
        new("stance.intercept", -12, 12, "intercept of logit P(engage)"),
        new("stance.trust", -10, 10, "slope on trust in the principal"),
        new("stance.need", -10, 10, "slope on economic stress"),
        new("stance.offer", -10, 10, "slope on the principal's offer signal (message delivered, aid)"),
        new("stance.mediator", -10, 10, "slope on the mediator's engagement x coordination"),
        new("stance.escalation", -10, 10, "slope on this month's level >= 3"),
        new("stance.persist", -10, 10, "slope on having engaged last month"),
        // Principal's reaction.
        new("principal.intercept", -12, 12, "intercept of logit P(principal willing to engage this month)"),
        new("principal.attention", -10, 10, "slope on attention"),
        new("principal.provocation", -10, 10, "slope on the memory of level >= 5 acts"),
        new("principal.trust", -10, 10, "slope on the principal's trust in the challenger"),
        new("principal.provocation_decay", 0, 0.99, "monthly retention of the memory of level >= 5 acts"),
        new("principal.sanction_intercept", -12, 12, "intercept of logit P(new unilateral sanctions | level >= 4)"),
        new("principal.sanction_level", -10, 10, "slope on (level - 4) for unilateral sanctions"),
        new("principal.sanction_pressure", -10, 10, "slope on the package's pressure lever"),
        new("principal.designation_intercept", -12, 12, "intercept of logit P(new unilateral designations in a quiet month)"),
        // Veto players.
        new("veto.intercept", -12, 12, "intercept of logit P(veto player blocks a resolution)"),
        new("veto.severity", -10, 10, "slope on severity (level - trigger level)"),
        new("veto.relations", -10, 10, "slope on relations with the principal"),
        // Sanctions.
        new("sanctions.un_layer", 0, 5, "council layers added by a resolution"),
        new("sanctions.nuclear_multiplier", 1, 5, "multiplier on the layers added after a top-level act"),
        new("sanctions.unilateral_layer", 0, 5, "unilateral layers added by one round of unilateral sanctions"),
        new("sanctions.veto_unilateral", 0, 5, "unilateral layers added per sanctioner after a veto"),
        new("sanctions.enforcement_gain", 0, 1, "enforcement gained after a resolution"),
        new("sanctions.enforcement_decay", 0, 0.99, "monthly retention of enforcement above its baseline"),
        new("sanctions.enforcement_base", 0, 1, "baseline enforcement when no talks are under way"),
        new("sanctions.enforcement_engaged", 0, 1, "enforcement baseline reduction while talks are under way"),
        new("sanctions.unilateral_weight", 0, 5, "weight of a unilateral layer relative to an enforced council layer"),
        new("sanctions.scale", 0.1, 50, "layers at which pressure reaches 1 - 1/e"),
        // Economy.
        new("economy.retention", 0, 0.99, "monthly retention of economic stress"),
        new("economy.base", 0, 1, "stress target with no pressure or shocks"),
        new("economy.pressure", 0, 2, "stress target per unit sanctions pressure"),
        new("economy.border", 0, 1, "stress target added by a closed border"),
        new("economy.disaster", 0, 1, "stress target added in a disaster month"),
        new("economy.aid", 0, 1, "stress target removed by aid delivered at level 1"),
        // Trust.
        new("trust.retention", 0, 0.999, "monthly retention of trust (both directions)"),
        new("trust.message", 0, 1, "challenger trust gained when the message is delivered"),
        new("trust.aid", 0, 1, "challenger trust gained per month of aid delivered at level 1"),
        new("trust.exercise", 0, 1, "challenger trust lost per unit exercise intensity"),
        new("trust.sanctions", 0, 1, "challenger trust lost per new sanctions layer"),
        new("trust.talks", 0, 1, "challenger trust gained per month of talks or later phases"),
        new("trust.summit", 0, 1, "challenger trust gained by a summit"),
        new("trust.provocation", 0, 1, "principal trust lost per level above 2"),
        new("trust.restraint", 0, 1, "principal trust gained per restrained month during contact or later"),
        // Attention.
        new("attention.retention", 0, 0.99, "monthly retention of attention"),
        new("attention.jump", 0, 1, "share of the gap to full attention closed by a level >= 5 act"),
        // Pipeline, capability, moratorium.
        new("pipeline.display_rate", 0, 1, "monthly probability a new system is displayed"),
        new("pipeline.consume", 0, 1, "probability a level >= 4 act flight-tests a displayed system"),
        new("capability.gain", 0, 1, "share of the capability gap closed by a level >= 4 test"),
        new("capability.nuclear_gain", 0, 1, "share of the capability gap closed by a top-level act"),
        new("moratorium.end_intercept", -12, 12, "intercept of logit hazard of ending a moratorium"),
        new("moratorium.end_stall", -10, 10, "slope on years without negotiating progress"),
        new("moratorium.end_trust", -10, 10, "slope on distrust (minus trust)"),
        new("moratorium.declare_intercept", -12, 12, "intercept of logit P(declaring a moratorium while talking)"),
        // Agreements.
        new("agreement.lapse", 0, 1, "monthly hazard an agreement not honoured by the principal lapses"),
        // Negotiation.
        new("negotiation.contact_base", 0, 1, "monthly contact probability without a message, both willing"),
        new("negotiation.talks", -12, 12, "intercept, logit P(contact -> talks)"),
        new("negotiation.talks_trust", -10, 10, "slope on challenger trust for contact -> talks"),
        new("negotiation.summit_bottom_up", 0, 1, "monthly P(summit) after groundwork, bottom-up"),
        new("negotiation.summit_top_down", 0, 1, "monthly P(summit) from contact, top-down, at full attention"),
        new("negotiation.groundwork_months", 0, 36, "months of talks before a bottom-up summit"),
        new("negotiation.framework", 0, 1, "monthly P(framework) in talks or summit when a zone exists"),
        new("negotiation.no_zone_collapse", 0, 1, "monthly P(collapse) in talks when no zone exists"),
        new("negotiation.defect_challenger", -12, 12, "intercept, logit monthly P(challenger defects) in implementation"),
        new("negotiation.defect_principal", -12, 12, "intercept, logit monthly P(principal defects) in implementation"),
        new("negotiation.defect_trust", -10, 10, "slope of defection on the defector's trust"),
        new("negotiation.step_months", 1, 48, "months per reciprocal implementation step"),
        new("negotiation.restart_months", 0, 120, "months after a collapse before contact can resume"),
        new("negotiation.top_down_strength", 0, 1, "strength of a framework reached top-down relative to bottom-up"),
        // Agreement zone: the challenger's reservation point on scope (0-100).
        new("zone.base", -100, 100, "challenger's maximum acceptable scope with no stress, trust or relief"),
        new("zone.need", -100, 200, "added per unit of economic stress"),
        new("zone.trust", -100, 200, "added per unit of trust"),
        new("zone.relief", -2, 2, "added per point of relief on offer"),
        new("zone.capability", -200, 100, "added per unit of capability"),
    ];

    private static readonly Dictionary<string, int> Index =
        All.Select((p, i) => (p.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);

    /// <summary>Vector position of a parameter, or −1.</summary>
    public static int IndexOf(string name) => Index.TryGetValue(name, out var i) ? i : -1;
}
