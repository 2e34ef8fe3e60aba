using Peninsula.Core;
using Peninsula.Engine.Spec;

namespace Peninsula.Engine.Model;

/// <summary>
/// What every module sees during one month's step of one block of runs: the state, the month's
/// deterministic context, coefficients by parameter draw, the random source, optional observed actions,
/// and per-month scratch arrays that pass decisions from one module to the next.
/// </summary>
#pragma warning disable CA1051
public sealed class StepContext
{
    /// <summary>Creates the context for a block.</summary>
    /// <param name="state">The block's state.</param>
    /// <param name="spec">The scenario.</param>
    /// <param name="policy">The package in force.</param>
    /// <param name="coefficients">Coefficients by parameter draw.</param>
    /// <param name="random">The random source.</param>
    /// <param name="zone">The bargaining zone the negotiation module asks.</param>
    /// <param name="odds">Sanction odds of every draw under <paramref name="policy"/> (<see cref="SanctionOdds.OfAll"/>), when the caller
    /// already has them (they depend on neither the state nor the block); computed here when null.</param>
    public StepContext(
        SimState state, SimulationSpec spec, PolicyPackage policy, Coefficients[] coefficients, RandomSource random, IAgreementZone zone,
        SanctionOdds[]? odds = null)
    {
        State = state;
        Spec = spec;
        Policy = policy;
        Coefficients = coefficients;
        Random = random;
        Zone = zone;
        var n = state.Runs;
        NewUnLayers = new double[n];
        NewUniLayers = new double[n];
        BorderClosed = new bool[n];
        Exercise = new double[n];
        AidDelivered = new double[n];
        LadderP = new double[n * Ladder.Levels];
        LadderContinuation = new double[n * ChoiceModels.ContinuationStride];
        SanctionExp = new double[n * FeatureFunction.SanctionLanes];
        Scratch = new double[n];
        foreach (var d in Decisions.BlockWide) _uniforms[d] = new double[n];
        for (var v = 0; v < spec.Roles.VetoPlayers.Length; v++) _uniforms[Decisions.VetoBase + v] = new double[n];
        for (var a = 0; a < spec.Agreements.Length && Decisions.AgreementLapseBase + a < Decisions.Contact; a++)
            _uniforms[Decisions.AgreementLapseBase + a] = new double[n];
        Honored = spec.Agreements.Select(a => policy.Honors.Contains(a.Id)).ToArray();
        Odds = odds ?? SanctionOdds.OfAll(coefficients, spec, policy);
        var sanctioners = spec.Roles.Sanctioners.Length;
        SanctionerCount = sanctioners;
        VetoTradeShare = spec.Roles.VetoPlayers.Sum(v => v.TradeShare);
    }

    /// <summary>Share of the challenger's trade carried by veto players (0–1).</summary>
    public double VetoTradeShare { get; }

    public SimState State { get; }
    public SimulationSpec Spec { get; }
    public PolicyPackage Policy { get; private set; }
    /// <summary>Coefficients indexed by parameter draw k.</summary>
    public Coefficients[] Coefficients { get; }
    public RandomSource Random { get; }
    public IAgreementZone Zone { get; }
    /// <summary>Whether the package honours each scenario agreement.</summary>
    public bool[] Honored { get; private set; }

    /// <summary>
    /// Switches the package in force from this month on (history replays, where the declared policy changes
    /// between months). Month contexts must be built for the same package.
    /// </summary>
    public void UsePolicy(PolicyPackage policy)
    {
        Policy = policy;
        Honored = Spec.Agreements.Select(a => policy.Honors.Contains(a.Id)).ToArray();
        Odds = SanctionOdds.OfAll(Coefficients, Spec, policy);
    }

    /// <summary>
    /// Readies this context for another block of the same request after its state has been re-initialised (a worker
    /// reuses one block's arrays for the next instead of allocating them again): the decision count restarts, nothing is
    /// observed or captured, and the draw cache is dropped (the next <see cref="Month"/> starts a new generation anyway).
    /// </summary>
    internal void BeginBlock(SanctionOdds[] odds)
    {
        Odds = odds;
        LogitDecisions = 0;
        Observed = null;
        FeatureCapture = null;
        _generation++;
    }

    /// <summary>Sanction-response probabilities by parameter draw under the package in force.</summary>
    public SanctionOdds[] Odds { get; private set; }

    /// <summary>Sanction odds of run r's draw.</summary>
    public SanctionOdds OddsOf(int r) => Odds[State.Draw[r]];

    /// <summary>
    /// When set (length runs·<see cref="FeatureFunction.FeatureCount"/>), the challenger module copies the features
    /// it used for each run this month here: the likelihood reads exactly what the simulator used.
    /// </summary>
    public double[]? FeatureCapture { get; set; }
    /// <summary>Number of sanctioners.</summary>
    public int SanctionerCount { get; }

    /// <summary>This month's context (setting it starts a new month: uniforms filled for the last one are dropped).</summary>
    public MonthContext Month
    {
        get => _month;
        set
        {
            _month = value;
            _generation++;
        }
    }

    private MonthContext _month;
    private long _generation;
    private readonly double[]?[] _uniforms = new double[]?[Decisions.Count];
    private readonly long[] _uniformGeneration = new long[Decisions.Count];
    /// <summary>Observed actions this month, when replaying history.</summary>
    public ObservedMonth? Observed { get; set; }

    /// <summary>Council layers decided this month.</summary>
    public readonly double[] NewUnLayers;
    /// <summary>Unilateral layers decided this month.</summary>
    public readonly double[] NewUniLayers;
    /// <summary>Border closed this month.</summary>
    public readonly bool[] BorderClosed;
    /// <summary>Effective exercise intensity this month.</summary>
    public readonly double[] Exercise;
    /// <summary>Aid delivered this month, 0–1.</summary>
    public readonly double[] AidDelivered;
    /// <summary>Scratch of the challenger module: each run's rung indices, then continuation probabilities (8 per run).</summary>
    public readonly double[] LadderContinuation;
    /// <summary>Scratch of the challenger module: each run's sanction-cost exponents, then their exponentials (4 per run).</summary>
    public readonly double[] SanctionExp;
    /// <summary>
    /// One value per run for a module's own use within its step (e.g. utilities, then their logistics taken for the whole
    /// block together); no meaning between modules.
    /// </summary>
    public readonly double[] Scratch;
    /// <summary>Scratch of the challenger's vector path: four runs' agreement restraints by level (7 each).</summary>
    internal readonly double[] LaneRestraint = new double[4 * Ladder.Levels];

    /// <summary>Ladder probabilities this month, 7 per run (kept for the likelihood and traces; see <see cref="KeepLadderProbabilities"/>).</summary>
    public readonly double[] LadderP;

    /// <summary>
    /// Whether every run's ladder probabilities must be left in <see cref="LadderP"/> (traces, replays). A plain run reads
    /// only the levels drawn, so the runner turns this off and the vector path skips the writes.
    /// </summary>
    public bool KeepLadderProbabilities { get; set; } = true;

    /// <summary>
    /// Logit decisions taken so far by this block (one agent's quantal-response choice in one month: the challenger's
    /// ladder level and stance, the principal's willingness and sanctions, each veto player's vote, the parties'
    /// defection and talks choices, the moratorium hazard). Counted for the benchmark's agent-months per second.
    /// </summary>
    public long LogitDecisions;

    /// <summary>The month offset t.</summary>
    public int T => Month.Offset;

    /// <summary>Uniform draw for run r and decision d this month.</summary>
    public double Uniform(int r, int decision) => Random.Uniform(State.Draw[r], State.RunIndex[r], Month.Offset, decision);

    /// <summary>
    /// This month's uniform draws for decision <paramref name="decision"/> of every run of the block
    /// (<c>Uniforms(d)[r] == Uniform(r, d)</c>), generated together on first use in the month. For decisions most runs
    /// take each month; a decision few runs take is cheaper drawn one at a time with <see cref="Uniform"/>.
    /// </summary>
    public ReadOnlySpan<double> Uniforms(int decision)
    {
        var values = _uniforms[decision] ??= new double[State.Runs];
        if (_uniformGeneration[decision] != _generation)
        {
            Random.FillUniform(State.Draw, State.RunIndex, Month.Offset, decision, values);
            _uniformGeneration[decision] = _generation;
        }
        return values;
    }

    /// <summary>
    /// This month's draws for <paramref name="decision"/>, of which <paramref name="needed"/> runs of the block will take
    /// one: generated for the whole block together (<see cref="Uniforms"/>) when at least a quarter of it needs them,
    /// else one at a time as asked. The values are the same either way (each is keyed by its run's coordinates); only
    /// the cost differs.
    /// </summary>
    public DecisionDraws Draws(int decision, int needed) =>
        new(this, decision, needed > 0 && 4 * needed >= State.Runs ? Uniforms(decision) : default);

    /// <summary>Draws of one decision for the runs of a block (see <see cref="Draws"/>).</summary>
    public readonly ref struct DecisionDraws
    {
        private readonly StepContext _ctx;
        private readonly int _decision;
        private readonly ReadOnlySpan<double> _block;

        internal DecisionDraws(StepContext ctx, int decision, ReadOnlySpan<double> block)
        {
            _ctx = ctx;
            _decision = decision;
            _block = block;
        }

        /// <summary>The uniform draw of run r (<c>== Uniform(r, decision)</c>).</summary>
        public double this[int r] => _block.IsEmpty ? _ctx.Uniform(r, _decision) : _block[r];
    }

    /// <summary>Coefficients of run r.</summary>
    public Coefficients C(int r) => Coefficients[State.Draw[r]];
}
#pragma warning restore CA1051

/// <summary>One mechanism module: updates its part of the state for every run of a block in one month.</summary>
public interface IMechanism
{
    /// <summary>The DESIGN section 1 row this module serves (documentation).</summary>
    string Serves { get; }

    /// <summary>Applies the module to every run of the block.</summary>
    void Apply(StepContext ctx);
}
