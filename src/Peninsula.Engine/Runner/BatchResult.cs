using Peninsula.Core;

namespace Peninsula.Engine.Runner;

/// <summary>
/// Aggregates of one batch (a fixed run-index range). Integer counts and per-run first-event months
/// merge exactly; floating sums are added in batch order, so merged results do not depend on threads.
/// </summary>
#pragma warning disable CA1051
public sealed class BatchResult
{
    /// <summary>Histogram bins for pressure, stress and trust.</summary>
    public const int Bins = 200;

    /// <summary>Continuous quantities tracked per month: 0 pressure [0,1], 1 stress [0,1], 2 trust [−1,1].</summary>
    public const int Quantities = 3;

    private const int FormatVersion = 1;

    public BatchResult(int batchIndex, int firstRun, int runCount, int months, int drawLo, int drawCount)
    {
        BatchIndex = batchIndex;
        FirstRun = firstRun;
        RunCount = runCount;
        Months = months;
        DrawLo = drawLo;
        DrawCount = drawCount;
        Ladder = new int[months * Core.Ladder.Levels];
        Engage = new int[months];
        Phase = new int[months * Phases.Count];
        Histograms = new int[Quantities * months * Bins];
        Sums = new double[Quantities * months];
        FirstMonth = new short[Outcomes.EventCount * runCount];
        DrawLadder = new int[drawCount * months * Core.Ladder.Levels];
    }

    public int BatchIndex { get; }

    /// <summary>Logit decisions the batch simulated (benchmark figure; not serialized, 0 for a batch loaded from a store).</summary>
    public long LogitDecisions { get; set; }

    public int FirstRun { get; }
    public int RunCount { get; }
    public int Months { get; }
    /// <summary>First parameter draw present in this batch.</summary>
    public int DrawLo { get; }
    /// <summary>Number of parameter draws present.</summary>
    public int DrawCount { get; }

    /// <summary>[t·7 + level] runs at that level.</summary>
    public readonly int[] Ladder;
    /// <summary>[t] runs where the challenger engaged.</summary>
    public readonly int[] Engage;
    /// <summary>[t·7 + phase] runs in that phase at the month's end.</summary>
    public readonly int[] Phase;
    /// <summary>[(q·months + t)·Bins + bin] histogram counts.</summary>
    public readonly int[] Histograms;
    /// <summary>[q·months + t] sums, added in run order.</summary>
    public readonly double[] Sums;
    /// <summary>[event·RunCount + j] first month offset of the event in run FirstRun + j, or −1.</summary>
    public readonly short[] FirstMonth;
    /// <summary>[((k − DrawLo)·months + t)·7 + level] ladder counts per parameter draw.</summary>
    public readonly int[] DrawLadder;

    /// <summary>Histogram bin of a value of quantity q.</summary>
    public static int Bin(int q, double value)
    {
        var x = q == 2 ? (value + 1.0) * 0.5 : value;
        var b = (int)(x * Bins);
        return Math.Clamp(b, 0, Bins - 1);
    }

    /// <summary>Lower edge of a bin of quantity q.</summary>
    public static double BinLow(int q, int bin) => q == 2 ? 2.0 * bin / Bins - 1.0 : (double)bin / Bins;

    /// <summary>Width of a bin of quantity q.</summary>
    public static double BinWidth(int q) => q == 2 ? 2.0 / Bins : 1.0 / Bins;

    /// <summary>Serializes to a compact little-endian binary payload (versioned).</summary>
    public byte[] Serialize()
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms))
        {
            w.Write(FormatVersion);
            w.Write(BatchIndex); w.Write(FirstRun); w.Write(RunCount); w.Write(Months); w.Write(DrawLo); w.Write(DrawCount);
            WriteInts(w, Ladder); WriteInts(w, Engage); WriteInts(w, Phase); WriteInts(w, Histograms);
            foreach (var v in Sums) w.Write(v);
            foreach (var v in FirstMonth) w.Write(v);
            WriteInts(w, DrawLadder);
        }
        return ms.ToArray();
    }

    /// <summary>Reads a payload written by <see cref="Serialize"/>.</summary>
    public static BatchResult Deserialize(byte[] payload)
    {
        using var r = new BinaryReader(new MemoryStream(payload));
        var version = r.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"batch payload format {version} is not supported (expected {FormatVersion})");
        var b = new BatchResult(r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadInt32());
        ReadInts(r, b.Ladder); ReadInts(r, b.Engage); ReadInts(r, b.Phase); ReadInts(r, b.Histograms);
        for (var i = 0; i < b.Sums.Length; i++) b.Sums[i] = r.ReadDouble();
        for (var i = 0; i < b.FirstMonth.Length; i++) b.FirstMonth[i] = r.ReadInt16();
        ReadInts(r, b.DrawLadder);
        return b;
    }

    private static void WriteInts(BinaryWriter w, int[] a)
    {
        foreach (var v in a) w.Write(v);
    }

    private static void ReadInts(BinaryReader r, int[] a)
    {
        for (var i = 0; i < a.Length; i++) a[i] = r.ReadInt32();
    }
}
#pragma warning restore CA1051
