using Peninsula.Engine.Model;

namespace Peninsula.Engine.Modules;

/// <summary>Joint exercises: the calendar scaled by the package's posture, suspended during talks if the package says so.</summary>
public sealed class ExerciseModule : IMechanism
{
    /// <inheritdoc />
    public string Serves => "joint US-ROK exercises (calendar input and policy lever)";

    /// <inheritdoc />
    public void Apply(StepContext ctx)
    {
        var s = ctx.State;
        var month = ctx.Month;
        var observed = ctx.Observed?.ExerciseIntensity; // read once, not per run
        for (var r = 0; r < s.Runs; r++)
        {
            ctx.Exercise[r] = observed ?? FeatureFunction.ExerciseIntensity(s, r, month, ctx.Policy);
        }
    }
}
