namespace Peninsula.Engine.Model;

/// <summary>
/// Decision ids: the last coordinate of every random draw's key (seed, draw k, run i, month t, decision d).
/// Fixed forever: changing one changes stored results.
/// </summary>
public static class Decisions
{
    public const int Level = 1;
    public const int Stance = 2;
    public const int PrincipalWilling = 3;
    public const int PrincipalSanction = 4;
    public const int PrincipalDesignation = 5;
    /// <summary>Veto player v uses <c>VetoBase + v</c>.</summary>
    public const int VetoBase = 10;
    public const int Disaster = 30;
    public const int PipelineDisplay = 31;
    public const int PipelineConsume = 32;
    public const int MoratoriumEnd = 33;
    public const int MoratoriumDeclare = 34;
    /// <summary>Agreement a uses <c>AgreementLapseBase + a</c>.</summary>
    public const int AgreementLapseBase = 40;
    public const int Contact = 70;
    public const int Talks = 71;
    public const int Summit = 72;
    public const int Framework = 73;
    public const int NoZoneCollapse = 74;
    public const int DefectChallenger = 75;
    public const int DefectPrincipal = 76;
    public const int MessageDelivery = 77;
    /// <summary>Month key used for draws made before the first month (initial conditions).</summary>
    public const int InitialMonth = -1;
    public const int BorderClosure = 90;
    public const int MediatorSuccessor = 91;
    public const int PrincipalSuccessor = 92;

    /// <summary>
    /// Decisions whose draws the modules may take for a whole block in a month (<see cref="StepContext.Uniforms"/>,
    /// <see cref="StepContext.Draws"/>; also each veto player's vote): their buffers are allocated with the block, so no
    /// month's step allocates.
    /// </summary>
    public static readonly int[] BlockWide =
        [Level, Stance, PrincipalWilling, PrincipalSanction, PrincipalDesignation, Disaster, PipelineDisplay, PipelineConsume,
            MoratoriumEnd, MoratoriumDeclare, Contact, Talks, Summit, Framework, NoZoneCollapse, DefectChallenger, DefectPrincipal, MessageDelivery];

    /// <summary>Veto players a scenario may have: their ids run from <see cref="VetoBase"/> up to, not into, <see cref="Disaster"/>.</summary>
    public const int MaxVetoPlayers = Disaster - VetoBase;

    /// <summary>Agreements a scenario may have: their ids run from <see cref="AgreementLapseBase"/> up to, not into, <see cref="Contact"/>.</summary>
    public const int MaxAgreements = Contact - AgreementLapseBase;

    /// <summary>One more than the largest monthly decision id (sizes per-decision scratch arrays).</summary>
    public const int Count = 93;
}
