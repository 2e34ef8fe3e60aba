using Peninsula.Engine.Model;

namespace Peninsula.Engine.Modules;

/// <summary>
/// The principal's limited attention relaxes toward a target (1 minus competing priorities, plus the
/// package's boost); a level ≥ 5 act closes part of the gap to full attention.
/// </summary>
public sealed class AttentionModule : IMechanism
{
    /// <inheritdoc />
    public string Serves => "limited US attention (domestic affairs, China, multilateralism)";

    /// <inheritdoc />
    public void Apply(StepContext ctx)
    {
        var s = ctx.State;
        var target = Math.Clamp(ctx.Spec.BaseAttention + ctx.Policy.AttentionBoost, 0.0, 1.0);
        for (var r = 0; r < s.Runs; r++)
        {
            var c = ctx.C(r);
            var a = c.AttentionRetention * s.Attention[r] + (1.0 - c.AttentionRetention) * target;
            if (s.Level[r] >= 5) a += c.AttentionJump * (1.0 - a);
            s.Attention[r] = Math.Clamp(a, 0.0, 1.0);
        }
    }
}
