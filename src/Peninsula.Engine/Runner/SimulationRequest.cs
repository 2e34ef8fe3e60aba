using Peninsula.Core;
using Peninsula.Engine.Spec;

namespace Peninsula.Engine.Runner;

/// <summary>What to simulate.</summary>
/// <param name="Spec">The compiled scenario.</param>
/// <param name="PolicyId">Policy package id.</param>
/// <param name="Runs">Monte Carlo runs (≥1).</param>
/// <param name="Months">Horizon in months (≥1).</param>
/// <param name="Seed">Random seed.</param>
/// <param name="ParameterDraws">Parameter vectors drawn (1 = central values only); at most <paramref name="Runs"/>.</param>
/// <param name="BatchSize">Runs per batch (the unit of storage and of parallel work).</param>
public sealed record SimulationRequest(SimulationSpec Spec, string PolicyId, int Runs, int Months, ulong Seed, int ParameterDraws, int BatchSize = 1000)
{
    /// <summary>Number of batches.</summary>
    public int BatchCount => (Runs + BatchSize - 1) / BatchSize;

    /// <summary>Parameter draw of run i: runs are split into contiguous, near-equal blocks per draw.</summary>
    public int DrawOf(int run) => (int)((long)run * ParameterDraws / Runs);

    /// <summary>
    /// First run of parameter draw <paramref name="draw"/> (0…<see cref="ParameterDraws"/>; the last gives <see cref="Runs"/>):
    /// the smallest i with <see cref="DrawOf"/>(i) ≥ draw, so draw d owns runs FirstRunOf(d)…FirstRunOf(d + 1) − 1.
    /// Loops over a draw's runs need no division per run.
    /// </summary>
    public int FirstRunOf(int draw) => (int)(((long)draw * Runs + ParameterDraws - 1) / ParameterDraws);

    /// <summary>Checks ranges; returns an error message or null.</summary>
    public string? Validate()
    {
        if (Runs < 1) return $"--runs must be at least 1 (got {Runs})";
        if (Months < 1 || Months > 600) return $"--months must be 1-600 (got {Months})";
        if (ParameterDraws < 1) return $"parameter draws must be at least 1 (got {ParameterDraws})";
        if (ParameterDraws > Runs) return $"parameter draws ({ParameterDraws}) cannot exceed runs ({Runs})";
        if (BatchSize < 1) return $"batch size must be at least 1 (got {BatchSize})";
        // Each veto player and agreement draws from its own decision id; beyond these counts two would share a stream.
        if (Spec.Roles.VetoPlayers.Length > Model.Decisions.MaxVetoPlayers)
            return $"scenario {Spec.Name} has {Spec.Roles.VetoPlayers.Length} veto players (at most {Model.Decisions.MaxVetoPlayers})";
        if (Spec.Agreements.Length > Model.Decisions.MaxAgreements)
            return $"scenario {Spec.Name} has {Spec.Agreements.Length} agreements (at most {Model.Decisions.MaxAgreements})";
        foreach (var schedule in new[] { Spec.Principal, Spec.Mediator })
        {
            if (schedule is null || !schedule.Successors.IsEmpty || schedule.Terms.IsEmpty || schedule.Terms[^1].End is not { } end) continue;
            if (Spec.Start.Plus(Months - 1) >= end)
                return $"--months {Months} runs past the last known term of {schedule.Actor} (ends {end}) and the scenario declares no successor";
        }
        if (Spec.Policy(PolicyId) is null) return $"unknown policy '{PolicyId}' (scenario {Spec.Name} has: {string.Join(", ", Spec.Policies.Select(p => p.Id))})";
        return null;
    }
}
