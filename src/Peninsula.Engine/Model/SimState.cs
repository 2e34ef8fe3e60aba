using Peninsula.Core;

namespace Peninsula.Engine.Model;

/// <summary>
/// The state of a block of runs, one array per variable (struct of arrays). Index = run within the block.
/// Modules read and write these arrays; nothing here allocates during a step.
/// </summary>
#pragma warning disable CA1051 // public arrays are the point of a struct-of-arrays state
public sealed class SimState
{
    /// <summary>Creates state for <paramref name="runs"/> runs and <paramref name="agreements"/> scenario agreements.</summary>
    public SimState(int runs, int agreements)
    {
        Runs = runs;
        AgreementCount = agreements;
        Draw = new int[runs];
        RunIndex = new int[runs];
        Level = new int[runs];
        LastLevel = new int[runs];
        Recent = new double[runs];
        Engaged = new bool[runs];
        EngagedLast = new bool[runs];
        PrincipalWilling = new bool[runs];
        ProvocationMemory = new double[runs];
        Phase = new Phase[runs];
        PhaseMonths = new int[runs];
        HoldLeft = new int[runs];
        StepsDone = new int[runs];
        CooldownLeft = new int[runs];
        MonthsSinceProgress = new int[runs];
        TermsScope = new double[runs];
        TermsRelief = new double[runs];
        FrameworkStrength = new double[runs];
        UnLayers = new double[runs];
        UniLayers = new double[runs];
        Enforcement = new double[runs];
        Relief = new double[runs];
        Pressure = new double[runs];
        Stress = new double[runs];
        TrustChallenger = new double[runs];
        TrustPrincipal = new double[runs];
        Attention = new double[runs];
        Capability = new double[runs];
        Pipeline = new int[runs];
        Moratorium = new bool[runs];
        MessageDelivered = new bool[runs];
        AgreementInForce = new bool[runs * Math.Max(agreements, 1)];
        BorderClosedMonths = new int[runs];
        MediatorSuccessorEngagement = new double[runs];
        PrincipalSuccessorEngagement = new double[runs];
        Events = new MonthEvents[runs];
    }

    /// <summary>Runs in the block.</summary>
    public int Runs { get; }

    /// <summary>Scenario agreements tracked.</summary>
    public int AgreementCount { get; }

    /// <summary>Runs whose level this month is at least <paramref name="level"/> (how many take a draw that follows such an act).</summary>
    public int RunsAtOrAbove(int level)
    {
        var count = 0;
        foreach (var l in Level.AsSpan(0, Runs)) count += l >= level ? 1 : 0;
        return count;
    }

    /// <summary>Parameter draw k of each run.</summary>
    public readonly int[] Draw;
    /// <summary>Global run index i of each run (the random key).</summary>
    public readonly int[] RunIndex;

    /// <summary>Ladder level chosen this month (0–6).</summary>
    public readonly int[] Level;
    /// <summary>Ladder level of the previous month.</summary>
    public readonly int[] LastLevel;
    /// <summary>EWMA of months at level ≥3, 0–1.</summary>
    public readonly double[] Recent;
    /// <summary>Challenger engages this month.</summary>
    public readonly bool[] Engaged;
    /// <summary>Challenger engaged last month.</summary>
    public readonly bool[] EngagedLast;
    /// <summary>Principal willing to engage this month.</summary>
    public readonly bool[] PrincipalWilling;
    /// <summary>Principal's decaying memory of level ≥5 acts.</summary>
    public readonly double[] ProvocationMemory;

    /// <summary>Negotiation phase.</summary>
    public readonly Phase[] Phase;
    /// <summary>Months spent in the current phase.</summary>
    public readonly int[] PhaseMonths;
    /// <summary>Months diplomacy stays on hold.</summary>
    public readonly int[] HoldLeft;
    /// <summary>Implementation steps completed.</summary>
    public readonly int[] StepsDone;
    /// <summary>Months before contact can resume after a collapse.</summary>
    public readonly int[] CooldownLeft;
    /// <summary>Months since the phase last advanced.</summary>
    public readonly int[] MonthsSinceProgress;
    /// <summary>Agreed denuclearization scope of a framework, 0–100.</summary>
    public readonly double[] TermsScope;
    /// <summary>Agreed relief of a framework, 0–100.</summary>
    public readonly double[] TermsRelief;
    /// <summary>Strength of a framework reached in the run (0 if none in force).</summary>
    public readonly double[] FrameworkStrength;

    /// <summary>Council sanctions layers.</summary>
    public readonly double[] UnLayers;
    /// <summary>Unilateral sanctions layers.</summary>
    public readonly double[] UniLayers;
    /// <summary>Enforcement of council sanctions, 0–1.</summary>
    public readonly double[] Enforcement;
    /// <summary>Share of sanctions suspended, 0–1.</summary>
    public readonly double[] Relief;
    /// <summary>Sanctions pressure, 0–1 (derived each month).</summary>
    public readonly double[] Pressure;

    /// <summary>Economic stress, 0–1.</summary>
    public readonly double[] Stress;
    /// <summary>Challenger's trust in the principal, −1 … 1.</summary>
    public readonly double[] TrustChallenger;
    /// <summary>Principal's trust in the challenger, −1 … 1.</summary>
    public readonly double[] TrustPrincipal;
    /// <summary>Principal's attention, 0–1.</summary>
    public readonly double[] Attention;
    /// <summary>Demonstrated capability, 0–1.</summary>
    public readonly double[] Capability;
    /// <summary>Displayed but untested systems.</summary>
    public readonly int[] Pipeline;
    /// <summary>Testing moratorium in force.</summary>
    public readonly bool[] Moratorium;
    /// <summary>The principal's message has got through.</summary>
    public readonly bool[] MessageDelivered;
    /// <summary>Agreement a in force for run r at [r·AgreementCount + a].</summary>
    public readonly bool[] AgreementInForce;
    /// <summary>Months the border stays closed, counted from the start.</summary>
    public readonly int[] BorderClosedMonths;
    /// <summary>Engagement score of the mediator's successor government drawn for the run.</summary>
    public readonly double[] MediatorSuccessorEngagement;
    /// <summary>Engagement score of the principal's successor government drawn for the run.</summary>
    public readonly double[] PrincipalSuccessorEngagement;
    /// <summary>What happened this month (for outcomes and traces).</summary>
    public readonly MonthEvents[] Events;
}
#pragma warning restore CA1051

/// <summary>Flags of what happened in a run in the current month.</summary>
[Flags]
public enum MonthEvents
{
    None = 0,
    UnResolution = 1,
    Veto = 2,
    UnilateralSanctions = 4,
    Disaster = 8,
    MessageDelivered = 16,
    Hold = 32,
    Summit = 64,
    Framework = 128,
    Collapse = 256,
    MoratoriumDeclared = 512,
    MoratoriumEnded = 1024,
    AgreementLapsed = 2048,
    SystemDisplayed = 4096,
    SystemTested = 8192,
    Defection = 16384,
    Talks = 32768,
}
