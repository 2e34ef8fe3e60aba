using Peninsula.Cli.Infrastructure;
using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Runner;
using Peninsula.Estimation.History;

namespace Peninsula.Cli.Tests;

/// <summary>
/// The forced replay of 1990-2020 checked month by month against dates from the public record (DESIGN sections 2
/// and 3). Expected values come from the record, not from the code's output.
/// </summary>
public sealed class HistoryReconstructionTests
{
    private static readonly Lazy<(ReconstructedMonth[] Months, StateSnapshot[] States, string[] Agreements)> Full = new(() =>
    {
        Environment.SetEnvironmentVariable("PENINSULA_HOME", CliRunner.RepoRoot());
        var workspace = HistoryWorkspace.Open(Month.Of(2020, 12));
        var (frame, months) = workspace.Frame();
        var trace = Replay.Run(frame.Input, new Coefficients(frame.PriorVector), frame.Zone);
        return ([.. months], trace.States, [.. frame.Input.Spec.Agreements.Select(a => a.Id)]);
    });

    private static (ReconstructedMonth Month, StateSnapshot State) At(string month)
    {
        var (months, states, _) = Full.Value;
        var t = Array.FindIndex(months, m => m.Month == Month.Parse(month));
        Assert.True(t >= 0, month);
        return (months[t], states[t]);
    }

    private static bool InForce(StateSnapshot s, string id)
    {
        var a = Array.IndexOf(Full.Value.Agreements, id);
        Assert.True(a >= 0, id);
        return (s.AgreementMask >> a & 1UL) != 0;
    }

    [Fact]
    public void Replay_CoversTheWholeRecordAndForcesEveryLabel()
    {
        var (months, states, _) = Full.Value;
        Assert.Equal(372, months.Length);
        Assert.Equal(Month.Of(1990, 1), months[0].Month);
        Assert.Equal(Month.Of(2020, 12), months[^1].Month);
        for (var t = 0; t < months.Length; t++) Assert.Equal(months[t].Observed.Level, states[t].Level);
        Assert.Equal(74, states.Count(s => s.Level >= 3));
        Assert.Equal(14, states.Count(s => s.Level >= 5));
    }

    [Fact]
    public void October2006_FirstNuclearTest_Resolution1718_JointStatementInForce()
    {
        var (m, s) = At("2006-10");
        Assert.Equal(6, s.Level);
        Assert.True(m.Observed.UnResolution);
        Assert.Equal("pressure", m.PolicyId); // Bush HEU-crisis phase, to 2007-01
        Assert.Equal("Kim Jong Il", m.Era);
        Assert.True(m.PartialCoverage);
        Assert.False(s.Moratorium);            // renounced March 2005
        Assert.True(InForce(s, "AG05"));       // September 2005 Joint Statement
        Assert.False(InForce(s, "AG03"));      // Agreed Framework ended December 2002
        Assert.True(s.UnLayers > 0);
    }

    [Fact]
    public void May2009_SecondTest_AfterQuittingTheTalks()
    {
        var (m, s) = At("2009-05");
        Assert.Equal(6, s.Level);
        Assert.Equal(Phase.None, s.Phase);      // quit the Six-Party Talks in April
        Assert.Equal(Phase.Collapsed, At("2009-04").State.Phase);
        Assert.Equal("pressure", m.PolicyId);   // strategic patience from 2009-04-14, lagged one month
        Assert.Equal("engagement", At("2009-04").Month.PolicyId);
        Assert.Equal(0UL, s.AgreementMask);     // Six-Party agreements renounced 2009-04-14
        Assert.False(m.Observed.UnResolution);  // resolution 1874 came in June
        Assert.True(At("2009-06").Month.Observed.UnResolution);
    }

    [Fact]
    public void September2017_SixthTest_Resolution2375_NoTalks_PressureHigherThanBefore2016()
    {
        var (m, s) = At("2017-09");
        Assert.Equal(6, s.Level);
        Assert.True(m.Observed.UnResolution);
        Assert.True(m.Observed.UnilateralSanctions);
        Assert.Equal("pressure", m.PolicyId);
        Assert.Equal("Kim Jong Un", m.Era);
        Assert.False(m.PartialCoverage);
        Assert.Equal(Phase.None, s.Phase);
        Assert.True(s.Pressure > At("2015-12").State.Pressure);
        Assert.True(s.UnLayers > At("2015-12").State.UnLayers);
        Assert.True(s.TrustPrincipal < At("2015-12").State.TrustPrincipal);
    }

    [Fact]
    public void April2018_MoratoriumDeclared_PompeoTalks_SummitryPackage()
    {
        var (m, s) = At("2018-04");
        Assert.True(s.Level < 3);
        Assert.True(s.Moratorium);
        Assert.False(At("2018-03").State.Moratorium);
        Assert.Equal(Phase.Talks, s.Phase);
        Assert.Equal("engagement", m.PolicyId); // leader-level summitry from 2018-03-08, lagged one month
        Assert.Equal("pressure", At("2018-03").Month.PolicyId);
    }

    [Fact]
    public void June2018_SingaporeSummit()
    {
        var (_, s) = At("2018-06");
        Assert.Equal(Phase.Summit, s.Phase);
        Assert.True(InForce(s, "AG09"));
        Assert.True(s.Moratorium);
        Assert.True(s.Level < 3);
    }

    [Fact]
    public void December2019_MoratoriumRenounced_TalksOver_BorderClosedFromJanuary2020()
    {
        var (m, s) = At("2019-12");
        Assert.False(s.Moratorium);
        Assert.True(At("2019-11").State.Moratorium);
        Assert.Equal(Phase.None, s.Phase);
        Assert.Equal(Phase.Collapsed, At("2019-10").State.Phase); // Stockholm
        Assert.Equal("mixed", m.PolicyId);
        Assert.False(m.Observed.BorderClosed);
        Assert.True(At("2020-01").Month.Observed.BorderClosed);
        Assert.True(At("2020-12").State.Stress > s.Stress);
    }

    [Fact]
    public void AgreedFramework_InForceFromOctober1994ToNovember2002()
    {
        Assert.False(InForce(At("1994-09").State, "AG03"));
        Assert.True(InForce(At("1994-10").State, "AG03"));
        Assert.True(InForce(At("2002-11").State, "AG03"));
        Assert.False(InForce(At("2002-12").State, "AG03"));
    }

    [Fact]
    public void PolicyCovariate_IsTheOrientationAtTheEndOfThePreviousMonth()
    {
        // Clinton (engagement) governed to 2001-01-20, then the Bush policy review (pressure): February is the first lagged month.
        Assert.Equal("engagement", At("2001-01").Month.PolicyId);
        Assert.Equal("pressure", At("2001-02").Month.PolicyId);
    }
}
