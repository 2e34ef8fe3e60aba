using System.Collections.Immutable;

namespace Peninsula.Bargaining.Input;

/// <summary>What a KTAB XML scenario holds besides the issue space.</summary>
/// <param name="Space">Dimensions and actors.</param>
/// <param name="Seed">The <c>prngSeed</c> text as written (KTAB's seed; kept, not interpreted).</param>
/// <param name="Parameters">The SMP model parameters, when the file has a <c>ModelParameters</c> element.</param>
/// <param name="IdealAdjustments">The <c>IdealAdjustment</c> pairs, in file order (empty when absent).</param>
public sealed record KtabXmlScenario(
    IssueSpace Space,
    string Seed,
    KtabModelParameters? Parameters,
    ImmutableArray<KtabIdealAdjustment> IdealAdjustments);

/// <summary>KTAB SMP model parameters, each one of the schema's enumeration values (e.g. <c>Linear</c>, <c>SemiCommit</c>).</summary>
/// <param name="VictoryProbModel">Linear, Square, Quartic, Octic or Binary.</param>
/// <param name="PceModel">Conditional, MarkovIncentive or MarkovUniform (element <c>PCEModel</c>).</param>
/// <param name="StateTransitions">Deterministic or Stochastic.</param>
/// <param name="VotingRule">Binary, PropBin, Proportional, PropCbc, Cubic or ASymProsp.</param>
/// <param name="BigRAdjust">Full, TwoThirds, Half, OneThird or No.</param>
/// <param name="BigRRange">Min, Mid or Max.</param>
/// <param name="ThirdPartyCommit">NoCommit, SemiCommit or FullCommit.</param>
/// <param name="InterVecBrgn">S1P1, S2P2 or S2PMax.</param>
/// <param name="BargnModel">InitOnlyInterp, InitRcvrInterp or PWCompInterp.</param>
public sealed record KtabModelParameters(
    string VictoryProbModel,
    string PceModel,
    string StateTransitions,
    string VotingRule,
    string BigRAdjust,
    string BigRRange,
    string ThirdPartyCommit,
    string InterVecBrgn,
    string BargnModel);

/// <summary>One <c>iaPair</c>: an actor whose ideal adjusts toward another actor's position.</summary>
/// <param name="AdjustingIdeal">Name of the actor whose ideal adjusts.</param>
/// <param name="ReferencePosition">Name of the actor whose position it adjusts toward.</param>
/// <param name="Adjust">The adjustment rate as written.</param>
public sealed record KtabIdealAdjustment(string AdjustingIdeal, string ReferencePosition, double Adjust);
