using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Peninsula.Engine.Model;
using static Peninsula.Engine.Model.RunLanes;

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
        var r = 0;
        while (r < s.Runs)
        {
            if (FourOfOneDraw(s, r))
            {
                Update(ctx, r, Width, target);
                r += Width;
            }
            else
            {
                Update(ctx, r++, 1, target);
            }
        }
    }

    /// <summary>Runs r…r+n−1 (n = 4 of one draw, or 1) in vector lanes (<see cref="RunLanes"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Update(StepContext ctx, int r, int n, double target)
    {
        var s = ctx.State;
        var c = ctx.C(r);
        var a = All(c.AttentionRetention) * Load(s.Attention, r, n) + All(1.0 - c.AttentionRetention) * All(target);
        var jumped = a + All(c.AttentionJump) * (Vector256<double>.One - a);
        var act = Vector256.GreaterThanOrEqual(LoadInts(s.Level, r, n), Vector256.Create(5.0));
        Store(s.Attention, r, n, Clamp(Vector256.ConditionalSelect(act, jumped, a), 0.0, 1.0));
    }
}
