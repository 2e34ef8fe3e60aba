using Peninsula.Engine.Model;
using Peninsula.Engine.Modules;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

public class EconomyModuleTests
{
    private static ModuleHarness Harness(double stress, double pressure, bool borderClosed, bool disaster, double aid)
    {
        var h = new ModuleHarness(TestSpecs.Transition2021);
        h.State.Stress[0] = stress;
        h.State.Pressure[0] = pressure;
        h.Context.BorderClosed[0] = borderClosed;
        h.State.Events[0] = disaster ? MonthEvents.Disaster : MonthEvents.None;
        h.Context.AidDelivered[0] = aid;
        return h;
    }

    [Fact]
    public void Apply_OneStep_RetentionTimesStressPlusRestTimesTarget()
    {
        // target = 0.2 + 0.6·0.4 + 0.25 − 0.15·0.15 = 0.6675; stress = 0.85·0.75 + 0.15·0.6675.
        var h = Harness(stress: 0.75, pressure: 0.4, borderClosed: true, disaster: false, aid: 0.15);

        h.Apply(new EconomyModule());

        Assert.Equal(0.737625, h.State.Stress[0], 1e-14);
    }

    [Fact]
    public void Apply_Disaster_AddsToTarget()
    {
        // target = 0.2 + 0.6·0.4 + 0.15 = 0.59; stress = 0.85·0.3 + 0.15·0.59.
        var h = Harness(stress: 0.3, pressure: 0.4, borderClosed: false, disaster: true, aid: 0);

        h.Apply(new EconomyModule());

        Assert.Equal(0.3435, h.State.Stress[0], 1e-14);
    }

    [Theory]
    [InlineData(0.9, 0.4, true, false, 0.15, 0.6675)]
    [InlineData(0.0, 0.4, true, false, 0.15, 0.6675)]
    [InlineData(0.5, 1.0, true, true, 0.0, 1.0)] // 0.2 + 0.6 + 0.25 + 0.15 = 1.2, clamped to 1
    [InlineData(0.5, 0.0, false, false, 1.0, 0.05)]
    public void Apply_ConstantInputs_ConvergesGeometricallyToTarget(double start, double pressure, bool border, bool disaster, double aid, double target)
    {
        var h = Harness(start, pressure, border, disaster, aid);
        var gap = start - target;

        for (var step = 1; step <= 200; step++)
        {
            h.State.Events[0] = disaster ? MonthEvents.Disaster : MonthEvents.None;
            h.Apply(new EconomyModule());
            gap *= 0.85;
            Assert.Equal(target + gap, h.State.Stress[0], 1e-12);
            Assert.InRange(h.State.Stress[0], 0.0, 1.0);
        }
        Assert.Equal(target, h.State.Stress[0], 1e-12);
    }
}
