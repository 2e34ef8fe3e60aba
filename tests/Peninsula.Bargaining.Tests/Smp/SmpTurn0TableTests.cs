using Peninsula.Bargaining.Smp;
using Xunit.Abstractions;

namespace Peninsula.Bargaining.Tests.Smp;

/// <summary>
/// SOE-Policy's turn-0 layers against KTAB's own tables: position equivalences, every actor's estimate of every
/// utility (turns 0 and 1), position probabilities from every perspective, victory probabilities and challenge
/// utilities with third parties, the bargains, their coordinates and the queue elections.
/// </summary>
public sealed class SmpTurn0TableTests(ITestOutputHelper output)
{
    /// <summary>The tables carry 15 significant digits; everything agrees to a few ulp, so this is tight.</summary>
    private const double TableTolerance = 1e-12;

    private const string Case = "SOE-Policy";

    private static SmpRun Run => KtabReference.Run(Case);

    private static List<Dictionary<string, string>> Table(string file) =>
        KtabReference.ReadCsvRows(Path.Combine(KtabReference.CaseDir(Case), file));

    private static List<Dictionary<string, string>> Turn0(string table) => Table(Path.Combine("turn0-tables", $"table_{table}_turn0.csv.gz"));

    private static int I(Dictionary<string, string> r, string c) => KtabReference.Int(r[c]);

    private static double D(Dictionary<string, string> r, string c) => KtabReference.Dbl(r[c]);

    [Fact]
    public void PosEquiv_matches()
    {
        var s0 = Run.States[0];
        var rows = Turn0("PosEquiv");
        Assert.Equal(s0.ActorCount, rows.Count);
        foreach (var r in rows) Assert.Equal(I(r, "Eqv_j"), s0.EquivalentActor[I(r, "Pos_i")]);
    }

    [Fact]
    public void PosUtil_turns_0_and_1_match()
    {
        var rows = Table("posutil_turn0-1.csv.gz");
        var na = Run.States[0].ActorCount;
        Assert.Equal(2 * na * na * na, rows.Count);
        var max = 0.0;
        foreach (var r in rows)
        {
            var s = Run.States[I(r, "Turn_t")];
            var d = Math.Abs(s.Utility(I(r, "Est_h"), I(r, "Act_i"), I(r, "Pos_j")) - D(r, "Util"));
            max = Math.Max(max, d);
        }

        output.WriteLine($"PosUtil max |diff| {max:E2} over {rows.Count} rows");
        Assert.True(max <= TableTolerance, $"max diff {max}");
    }

    [Fact]
    public void PosProb_matches_from_every_perspective()
    {
        var s0 = Run.States[0];
        var rows = Turn0("PosProb");
        Assert.Equal(s0.ActorCount * s0.ActorCount, rows.Count);
        var byPerspective = Enumerable.Range(0, s0.ActorCount).Select(h => s0.UniquePositionProbabilities(h)).ToList();
        var max = 0.0;
        foreach (var r in rows)
        {
            var h = I(r, "Est_h");
            var actual = s0.PositionProbability(I(r, "Pos_i"), h);
            Assert.Equal(byPerspective[h][s0.UniquePositionActors.IndexOf(s0.EquivalentActor[I(r, "Pos_i")])], actual);
            max = Math.Max(max, Math.Abs(actual - D(r, "Prob")));
        }

        output.WriteLine($"PosProb max |diff| {max:E2}");
        Assert.True(max <= TableTolerance, $"max diff {max}");
    }

    [Fact]
    public void ProbVict_matches()
    {
        var s0 = Run.States[0];
        var rows = Turn0("ProbVict");
        Assert.True(rows.Count > 40_000);
        var max = 0.0;
        foreach (var r in rows)
        {
            var h = I(r, "Est_h");
            var c = s0.Challenge(h, h, I(r, "Init_i"), I(r, "Rcvr_j"));
            max = Math.Max(max, Math.Abs(c.InitiatorWinProbability - D(r, "Prob")));
        }

        output.WriteLine($"ProbVict max |diff| {max:E2} over {rows.Count} rows");
        Assert.True(max <= TableTolerance, $"max diff {max}");
    }

    [Fact]
    public void UtilChlg_matches()
    {
        var s0 = Run.States[0];
        var rows = Turn0("UtilChlg");
        Assert.True(rows.Count > 40_000);
        var max = new double[4];
        foreach (var r in rows)
        {
            var c = s0.Challenge(I(r, "Est_h"), I(r, "Aff_k"), I(r, "Init_i"), I(r, "Rcvr_j"));
            double[] actual = [c.UtilityStatusQuo, c.UtilityVictory, c.UtilityContest, c.UtilityChallenge];
            string[] cols = ["Util_SQ", "Util_Vict", "Util_Cntst", "Util_Chlg"];
            for (var q = 0; q < 4; q++) max[q] = Math.Max(max[q], Math.Abs(actual[q] - D(r, cols[q])));
        }

        output.WriteLine($"UtilChlg max |diff| SQ {max[0]:E2} Vict {max[1]:E2} Cntst {max[2]:E2} Chlg {max[3]:E2} over {rows.Count} rows");
        Assert.All(max, m => Assert.True(m <= TableTolerance, $"max diff {m}"));
    }

    [Fact]
    public void Bargains_and_queue_elections_match()
    {
        var s0 = Run.States[0];
        var bargaining = s0.Bargaining!;
        var rows = Turn0("Bargn");

        // KTAB lists every actor's status quo and every bargain, once.
        var statusQuo = rows.Where(r => r["Init_Act_i"] == r["Recd_Act_j"]).ToList();
        var proposals = rows.Where(r => r["Init_Act_i"] != r["Recd_Act_j"]).ToList();
        Assert.Equal(s0.ActorCount, statusQuo.Count);
        Assert.Equal(
            proposals.Select(r => (I(r, "Init_Act_i"), I(r, "Recd_Act_j"))).Order(),
            bargaining.Bargains.Select(b => (b.Initiator, b.Receiver)).Order());

        var maxValue = 0.0;
        var maxProb = 0.0;
        foreach (var r in statusQuo)
        {
            var k = I(r, "Init_Act_i");
            var q = bargaining.Queues[k];
            var m = q.Entries.IndexOf(q.Entries.Single(e => e.BargainIndex is null));
            maxProb = Math.Max(maxProb, Math.Abs(q.Entries[m].Probability - D(r, "Init_Prob")));
            Assert.Equal(r["Init_Seld"] == "1", q.Selected == m);
            Assert.Equal(0.0, D(r, "Value"));
        }

        foreach (var r in proposals)
        {
            var i = I(r, "Init_Act_i");
            var j = I(r, "Recd_Act_j");
            var b = bargaining.Bargains.Single(x => x.Initiator == i);
            Assert.Equal(j, b.Receiver);
            maxValue = Math.Max(maxValue, Math.Abs(b.ExpectedGain - D(r, "Value")));
            foreach (var (actor, probCol, seldCol) in new[] { (i, "Init_Prob", "Init_Seld"), (j, "Recd_Prob", "Recd_Seld") })
            {
                var q = bargaining.Queues[actor];
                var m = q.Entries.IndexOf(q.Entries.Single(e => e.BargainIndex == b.Index));
                maxProb = Math.Max(maxProb, Math.Abs(q.Entries[m].Probability - D(r, probCol)));
                Assert.Equal(r[seldCol] == "1", q.Selected == m);
            }
        }

        // Each queue holds exactly the actor's status quo and the bargains it is party to.
        foreach (var q in bargaining.Queues)
        {
            Assert.Equal(1 + bargaining.Bargains.Count(b => b.Initiator == q.Actor || b.Receiver == q.Actor), q.Entries.Length);
            Assert.Equal(1.0, q.Entries.Sum(e => e.Probability), 1e-12);
        }

        output.WriteLine($"Bargn max |diff| value {maxValue:E2}, queue probabilities {maxProb:E2}");
        Assert.True(maxValue <= TableTolerance, $"value diff {maxValue}");
        Assert.True(maxProb <= TableTolerance, $"probability diff {maxProb}");
    }

    [Fact]
    public void BargnCoords_match()
    {
        var s0 = Run.States[0];
        var bargaining = s0.Bargaining!;
        var initiatorById = Turn0("Bargn").ToDictionary(r => r["BargnId"], r => I(r, "Init_Act_i"));
        var rows = Turn0("BargnCoords");
        Assert.Equal(bargaining.Bargains.Length * s0.DimensionCount, rows.Count);
        var max = 0.0;
        foreach (var r in rows)
        {
            var b = bargaining.Bargains.Single(x => x.Initiator == initiatorById[r["BargnId"]]);
            var k = I(r, "Dim_k");
            max = Math.Max(max, Math.Abs(b.InitiatorPosition[k] - D(r, "Init_Coord")));
            max = Math.Max(max, Math.Abs(b.ReceiverPosition[k] - D(r, "Recd_Coord")));
        }

        output.WriteLine($"BargnCoords max |diff| {max:E2} (0–100 scale)");
        Assert.True(max <= 1e-9, $"max diff {max}");
    }

    [Fact]
    public void Turn_1_positions_are_the_selected_bargains()
    {
        var s0 = Run.States[0];
        var s1 = Run.States[1];
        foreach (var q in s0.Bargaining!.Queues)
        {
            var e = q.Entries[q.Selected];
            var expected = e.BargainIndex is int bi
                ? (s0.Bargaining.Bargains[bi].Initiator == q.Actor ? s0.Bargaining.Bargains[bi].InitiatorPosition : s0.Bargaining.Bargains[bi].ReceiverPosition)
                : s0.Positions[q.Actor];
            Assert.Equal(expected.AsEnumerable(), s1.Positions[q.Actor].AsEnumerable());
        }

        Assert.Null(Run.Final.Bargaining);
    }
}
