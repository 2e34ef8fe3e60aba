using System.Collections.Frozen;

namespace Peninsula.History.Parsing;

/// <summary>The fixed value sets that DATA_DICTIONARY.md documents for category columns.</summary>
internal static class Vocabulary
{
    public static readonly FrozenSet<string> Certainty = Set("high", "medium");

    public static readonly FrozenSet<string> Countries = Set("USA", "ROK", "DPRK");

    public static readonly FrozenSet<string> Orientations =
        Set("engagement", "conservative", "pressure", "mixed", "pressure->engagement", "n/a");

    public static readonly FrozenSet<string> DayOrMonth = Set("day", "month");

    public static readonly FrozenSet<string> EventCategories = Set(
        "nuclear_test", "nuclear_program", "sanctions_un", "sanctions_unilateral", "sanctions_relief", "veto",
        "agreement", "summit", "talks", "talks_collapse", "aid", "provocation_interkorean", "provocation_other",
        "weapons_test_other", "statement", "military_posture", "leadership");

    public static readonly FrozenSet<string> Valences = Set("coop", "conflict", "neutral");

    public static readonly FrozenSet<string> ActorCodes = Set(
        "USA", "DPRK", "ROK", "JPN", "CHN", "RUS", "UNSC", "IAEA", "KEDO", "WFP", "SIX_PARTY", "WORLD");

    public static readonly FrozenSet<string> EventOrigins =
        Set("curated (public record)", "CSIS Beyond Parallel", "CSIS Korea Chair");

    public static readonly FrozenSet<string> MissileClasses = Set(
        "SRBM", "MRBM", "IRBM", "ICBM", "SLBM", "SLV", "CRUISE", "SAM", "MLRS_ROCKET", "BALLISTIC_UNSPEC",
        "SHORT_RANGE_UNSPEC", "UNSPECIFIED");

    public static readonly FrozenSet<string> Outcomes = Set("success", "failure", "mixed", "unknown");

    public static readonly FrozenSet<string> Datasets = Set("CNS", "CSIS");

    public static readonly FrozenSet<string> ExerciseSeries = Set("TEAM_SPIRIT", "SPRING_CPX", "FOAL_EAGLE", "SUMMER_CPX");

    public static readonly FrozenSet<string> ExerciseTypes = Set("FTX", "CPX", "CPX+FTX");

    public static readonly FrozenSet<string> ExercisePrecisions = Set("day", "month", "none");

    public static readonly FrozenSet<string> ExerciseDateBases = Set(
        "documented", "partly_documented", "public_record", "month_documented", "month_inferred", "n/a");

    public static readonly FrozenSet<string> ExerciseScales =
        Set("full", "reduced", "computer-simulation-only", "suspended", "cancelled");

    public static readonly FrozenSet<string> PipelineKinds = Set(
        "parade_display_new_system", "declared_goal", "declared_completion", "moratorium_declared",
        "moratorium_renounced", "party_meeting_announced", "engine_test", "other");

    private static FrozenSet<string> Set(params string[] values) => values.ToFrozenSet(StringComparer.Ordinal);
}
