namespace Peninsula.Engine.Model;

/// <summary>
/// One parameter vector unpacked into named fields for the hot loop (generated from
/// <see cref="ParameterCatalog"/>; field names are the parameter names in Pascal case).
/// </summary>
#pragma warning disable CA1051 // plain readonly fields: read in the inner loop
public sealed class Coefficients
{
    /// <summary>Reference value of the persistence features (<c>ladder.base_rate</c>): a centring constant the intercepts absorb.</summary>
    public readonly double BaseRateGe3;

    /// <summary>Rung intercepts α₁…α₆ (index 0 unused).</summary>
    public readonly double[] LadderAlpha = new double[7];

    public readonly double LadderPersist;
    public readonly double LadderRecent;
    public readonly double LadderRecentDecay;
    /// <summary>Weight of the shared slopes at rungs 4–6 (<c>ladder.upper_scale</c>); 1 = proportional at every rung.</summary>
    public readonly double LadderUpperScale;
    public readonly double LadderSeasonCos;
    public readonly double LadderSeasonSin;
    public readonly double LadderPipeline;
    public readonly double LadderExercise;
    public readonly double LadderTransitionPrincipal;
    public readonly double LadderTransitionMediator;
    public readonly double LadderNeed;
    public readonly double LadderTrust;
    public readonly double LadderEngaged;
    public readonly double LadderInattention;
    public readonly double LadderMoratorium;
    public readonly double LadderAgreement;
    public readonly double LadderSanctionCost;
    public readonly double LadderNegotiationRisk;
    public readonly double StanceIntercept;
    public readonly double StanceTrust;
    public readonly double StanceNeed;
    public readonly double StanceOffer;
    public readonly double StanceMediator;
    public readonly double StanceEscalation;
    public readonly double StancePersist;
    public readonly double PrincipalIntercept;
    public readonly double PrincipalAttention;
    public readonly double PrincipalProvocation;
    public readonly double PrincipalTrust;
    public readonly double PrincipalProvocationDecay;
    public readonly double PrincipalSanctionIntercept;
    public readonly double PrincipalSanctionLevel;
    public readonly double PrincipalSanctionPressure;
    public readonly double PrincipalDesignationIntercept;
    public readonly double VetoIntercept;
    public readonly double VetoSeverity;
    public readonly double VetoRelations;
    public readonly double SanctionsUnLayer;
    public readonly double SanctionsNuclearMultiplier;
    public readonly double SanctionsUnilateralLayer;
    public readonly double SanctionsVetoUnilateral;
    public readonly double SanctionsEnforcementGain;
    public readonly double SanctionsEnforcementDecay;
    public readonly double SanctionsEnforcementBase;
    public readonly double SanctionsEnforcementEngaged;
    public readonly double SanctionsUnilateralWeight;
    public readonly double SanctionsScale;
    public readonly double EconomyRetention;
    public readonly double EconomyBase;
    public readonly double EconomyPressure;
    public readonly double EconomyBorder;
    public readonly double EconomyDisaster;
    public readonly double EconomyAid;
    public readonly double TrustRetention;
    public readonly double TrustMessage;
    public readonly double TrustAid;
    public readonly double TrustExercise;
    public readonly double TrustSanctions;
    public readonly double TrustTalks;
    public readonly double TrustSummit;
    public readonly double TrustProvocation;
    public readonly double TrustRestraint;
    public readonly double AttentionRetention;
    public readonly double AttentionJump;
    public readonly double PipelineDisplayRate;
    public readonly double PipelineConsume;
    public readonly double CapabilityGain;
    public readonly double CapabilityNuclearGain;
    public readonly double MoratoriumEndIntercept;
    public readonly double MoratoriumEndStall;
    public readonly double MoratoriumEndTrust;
    public readonly double MoratoriumDeclareIntercept;
    /// <summary>P(a moratorium is declared in a month of talks): the logistic of <see cref="MoratoriumDeclareIntercept"/>, taken once.</summary>
    public readonly double MoratoriumDeclareProbability;
    public readonly double AgreementLapse;
    public readonly double NegotiationContactBase;
    public readonly double NegotiationTalks;
    public readonly double NegotiationTalksTrust;
    public readonly double NegotiationSummitBottomUp;
    public readonly double NegotiationSummitTopDown;
    public readonly double NegotiationGroundworkMonths;
    public readonly double NegotiationFramework;
    public readonly double NegotiationNoZoneCollapse;
    public readonly double NegotiationDefectChallenger;
    public readonly double NegotiationDefectPrincipal;
    public readonly double NegotiationDefectTrust;
    public readonly double NegotiationStepMonths;
    public readonly double NegotiationRestartMonths;
    public readonly double NegotiationTopDownStrength;
    public readonly double ZoneBase;
    public readonly double ZoneNeed;
    public readonly double ZoneTrust;
    public readonly double ZoneRelief;
    public readonly double ZoneCapability;

    /// <summary>Unpacks a vector in <see cref="ParameterCatalog"/> order.</summary>
    public Coefficients(ReadOnlySpan<double> v)
    {
        if (v.Length != ParameterCatalog.All.Length)
            throw new ArgumentException($"expected {ParameterCatalog.All.Length} parameters, got {v.Length}", nameof(v));
        for (var j = 1; j <= 6; j++) LadderAlpha[j] = Get(v, "ladder.alpha." + j);
        BaseRateGe3 = Get(v, "ladder.base_rate");
        LadderPersist = Get(v, "ladder.persist");
        LadderRecent = Get(v, "ladder.recent");
        LadderRecentDecay = Get(v, "ladder.recent_decay");
        LadderUpperScale = Get(v, "ladder.upper_scale");
        LadderSeasonCos = Get(v, "ladder.season_cos");
        LadderSeasonSin = Get(v, "ladder.season_sin");
        LadderPipeline = Get(v, "ladder.pipeline");
        LadderExercise = Get(v, "ladder.exercise");
        LadderTransitionPrincipal = Get(v, "ladder.transition_principal");
        LadderTransitionMediator = Get(v, "ladder.transition_mediator");
        LadderNeed = Get(v, "ladder.need");
        LadderTrust = Get(v, "ladder.trust");
        LadderEngaged = Get(v, "ladder.engaged");
        LadderInattention = Get(v, "ladder.inattention");
        LadderMoratorium = Get(v, "ladder.moratorium");
        LadderAgreement = Get(v, "ladder.agreement");
        LadderSanctionCost = Get(v, "ladder.sanction_cost");
        LadderNegotiationRisk = Get(v, "ladder.negotiation_risk");
        StanceIntercept = Get(v, "stance.intercept");
        StanceTrust = Get(v, "stance.trust");
        StanceNeed = Get(v, "stance.need");
        StanceOffer = Get(v, "stance.offer");
        StanceMediator = Get(v, "stance.mediator");
        StanceEscalation = Get(v, "stance.escalation");
        StancePersist = Get(v, "stance.persist");
        PrincipalIntercept = Get(v, "principal.intercept");
        PrincipalAttention = Get(v, "principal.attention");
        PrincipalProvocation = Get(v, "principal.provocation");
        PrincipalTrust = Get(v, "principal.trust");
        PrincipalProvocationDecay = Get(v, "principal.provocation_decay");
        PrincipalSanctionIntercept = Get(v, "principal.sanction_intercept");
        PrincipalSanctionLevel = Get(v, "principal.sanction_level");
        PrincipalSanctionPressure = Get(v, "principal.sanction_pressure");
        PrincipalDesignationIntercept = Get(v, "principal.designation_intercept");
        VetoIntercept = Get(v, "veto.intercept");
        VetoSeverity = Get(v, "veto.severity");
        VetoRelations = Get(v, "veto.relations");
        SanctionsUnLayer = Get(v, "sanctions.un_layer");
        SanctionsNuclearMultiplier = Get(v, "sanctions.nuclear_multiplier");
        SanctionsUnilateralLayer = Get(v, "sanctions.unilateral_layer");
        SanctionsVetoUnilateral = Get(v, "sanctions.veto_unilateral");
        SanctionsEnforcementGain = Get(v, "sanctions.enforcement_gain");
        SanctionsEnforcementDecay = Get(v, "sanctions.enforcement_decay");
        SanctionsEnforcementBase = Get(v, "sanctions.enforcement_base");
        SanctionsEnforcementEngaged = Get(v, "sanctions.enforcement_engaged");
        SanctionsUnilateralWeight = Get(v, "sanctions.unilateral_weight");
        SanctionsScale = Get(v, "sanctions.scale");
        EconomyRetention = Get(v, "economy.retention");
        EconomyBase = Get(v, "economy.base");
        EconomyPressure = Get(v, "economy.pressure");
        EconomyBorder = Get(v, "economy.border");
        EconomyDisaster = Get(v, "economy.disaster");
        EconomyAid = Get(v, "economy.aid");
        TrustRetention = Get(v, "trust.retention");
        TrustMessage = Get(v, "trust.message");
        TrustAid = Get(v, "trust.aid");
        TrustExercise = Get(v, "trust.exercise");
        TrustSanctions = Get(v, "trust.sanctions");
        TrustTalks = Get(v, "trust.talks");
        TrustSummit = Get(v, "trust.summit");
        TrustProvocation = Get(v, "trust.provocation");
        TrustRestraint = Get(v, "trust.restraint");
        AttentionRetention = Get(v, "attention.retention");
        AttentionJump = Get(v, "attention.jump");
        PipelineDisplayRate = Get(v, "pipeline.display_rate");
        PipelineConsume = Get(v, "pipeline.consume");
        CapabilityGain = Get(v, "capability.gain");
        CapabilityNuclearGain = Get(v, "capability.nuclear_gain");
        MoratoriumEndIntercept = Get(v, "moratorium.end_intercept");
        MoratoriumEndStall = Get(v, "moratorium.end_stall");
        MoratoriumEndTrust = Get(v, "moratorium.end_trust");
        MoratoriumDeclareIntercept = Get(v, "moratorium.declare_intercept");
        MoratoriumDeclareProbability = Core.DetMath.Logistic(MoratoriumDeclareIntercept);
        AgreementLapse = Get(v, "agreement.lapse");
        NegotiationContactBase = Get(v, "negotiation.contact_base");
        NegotiationTalks = Get(v, "negotiation.talks");
        NegotiationTalksTrust = Get(v, "negotiation.talks_trust");
        NegotiationSummitBottomUp = Get(v, "negotiation.summit_bottom_up");
        NegotiationSummitTopDown = Get(v, "negotiation.summit_top_down");
        NegotiationGroundworkMonths = Get(v, "negotiation.groundwork_months");
        NegotiationFramework = Get(v, "negotiation.framework");
        NegotiationNoZoneCollapse = Get(v, "negotiation.no_zone_collapse");
        NegotiationDefectChallenger = Get(v, "negotiation.defect_challenger");
        NegotiationDefectPrincipal = Get(v, "negotiation.defect_principal");
        NegotiationDefectTrust = Get(v, "negotiation.defect_trust");
        NegotiationStepMonths = Get(v, "negotiation.step_months");
        NegotiationRestartMonths = Get(v, "negotiation.restart_months");
        NegotiationTopDownStrength = Get(v, "negotiation.top_down_strength");
        ZoneBase = Get(v, "zone.base");
        ZoneNeed = Get(v, "zone.need");
        ZoneTrust = Get(v, "zone.trust");
        ZoneRelief = Get(v, "zone.relief");
        ZoneCapability = Get(v, "zone.capability");
    }

    private static double Get(ReadOnlySpan<double> v, string name) => v[ParameterCatalog.IndexOf(name)];
}
#pragma warning restore CA1051
