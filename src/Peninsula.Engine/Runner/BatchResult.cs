using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

    private const int FormatVersion = 2;

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

    /// <summary>
    /// <see cref="Bin"/> of a value already on the unit scale (quantities 0 and 1 as they are; trust as (t + 1)·0.5),
    /// without the saturating conversion: the product is compared first and truncated only inside [0, Bins − 1), so
    /// the result is the same for every double (NaN and negatives give 0, Bins − 1 and above the last bin). Tested
    /// against <see cref="Bin"/>.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static int BinOfUnit(double x)
    {
        var y = x * Bins;
        if (!(y >= 0.0)) return 0;
        if (!(y < Bins - 1)) return Bins - 1;
        return System.Runtime.Intrinsics.X86.Sse2.IsSupported
            ? System.Runtime.Intrinsics.X86.Sse2.ConvertToInt32WithTruncation(System.Runtime.Intrinsics.Vector128.CreateScalarUnsafe(y))
            : (int)y;
    }

    /// <summary>Lower edge of a bin of quantity q.</summary>
    public static double BinLow(int q, int bin) => q == 2 ? 2.0 * bin / Bins - 1.0 : (double)bin / Bins;

    /// <summary>Width of a bin of quantity q.</summary>
    public static double BinWidth(int q) => q == 2 ? 2.0 / Bins : 1.0 / Bins;

    /// <summary>
    /// Serializes to a versioned binary payload: the format version and the six shape numbers as little-endian
    /// integers, then the counts, sums and first months (little-endian, the layout of format 1) compressed with zlib.
    /// Histograms are mostly empty bins, so the payload is several times smaller than the raw arrays and is written in a
    /// fraction of the time.
    /// </summary>
    public byte[] Serialize()
    {
        var body = new byte[BodyLength(Months, RunCount, DrawCount)];
        var span = body.AsSpan();
        span = Put(span, Ladder);
        span = Put(span, Engage);
        span = Put(span, Phase);
        span = Put(span, Histograms);
        span = Put(span, Sums);
        span = Put(span, FirstMonth);
        Put(span, DrawLadder);
        using var ms = new MemoryStream(HeaderLength + body.Length / 4);
        Span<byte> header = stackalloc byte[HeaderLength];
        int[] fields = [FormatVersion, BatchIndex, FirstRun, RunCount, Months, DrawLo, DrawCount];
        for (var i = 0; i < fields.Length; i++) BinaryPrimitives.WriteInt32LittleEndian(header.Slice(4 * i), fields[i]);
        ms.Write(header);
        using (var z = new ZLibStream(ms, CompressionLevel.Fastest, leaveOpen: true)) z.Write(body);
        return ms.ToArray();
    }

    /// <summary>Reads a payload written by <see cref="Serialize"/> (format 2) or by earlier versions (format 1, uncompressed).</summary>
    /// <exception cref="InvalidDataException">An unknown format, a shape out of range or a corrupt body.</exception>
    /// <exception cref="EndOfStreamException">The payload is truncated.</exception>
    public static BatchResult Deserialize(byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Length < HeaderLength) throw new EndOfStreamException($"batch payload of {payload.Length} bytes is shorter than its header");
        var version = BinaryPrimitives.ReadInt32LittleEndian(payload);
        if (version != 1 && version != FormatVersion) throw new InvalidDataException($"batch payload format {version} is not supported (expected {FormatVersion})");
        var f = new int[6];
        for (var i = 0; i < f.Length; i++) f[i] = BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(4 + 4 * i));
        if (f[2] < 0 || f[3] < 1 || f[3] > 100_000 || f[5] < 0 || (long)f[5] * f[3] * Core.Ladder.Levels > 100_000_000 || f[2] > 100_000_000)
            throw new InvalidDataException($"batch payload has an impossible shape (runs {f[2]}, months {f[3]}, draws {f[5]})");
        var b = new BatchResult(f[0], f[1], f[2], f[3], f[4], f[5]);
        if (version == 1)
        {
            ReadVersion1(payload, b);
            return b;
        }
        var body = new byte[BodyLength(b.Months, b.RunCount, b.DrawCount)];
        using (var z = new ZLibStream(new MemoryStream(payload, HeaderLength, payload.Length - HeaderLength), CompressionMode.Decompress))
        {
            var read = z.ReadAtLeast(body, body.Length, throwOnEndOfStream: false);
            if (read < body.Length) throw new EndOfStreamException($"batch payload body is {read} bytes, expected {body.Length}");
            if (z.ReadByte() >= 0) throw new InvalidDataException("batch payload body is longer than its shape says");
        }
        ReadOnlySpan<byte> span = body;
        span = Get(span, b.Ladder);
        span = Get(span, b.Engage);
        span = Get(span, b.Phase);
        span = Get(span, b.Histograms);
        span = Get(span, b.Sums);
        span = Get(span, b.FirstMonth);
        Get(span, b.DrawLadder);
        return b;
    }

    private const int HeaderLength = 7 * sizeof(int);

    private static int BodyLength(int months, int runs, int draws) =>
        sizeof(int) * (months * Core.Ladder.Levels + months + months * Phases.Count + Quantities * months * Bins + draws * months * Core.Ladder.Levels)
        + sizeof(double) * Quantities * months + sizeof(short) * Outcomes.EventCount * runs;

    private static Span<byte> Put<T>(Span<byte> destination, T[] values) where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        bytes.CopyTo(destination);
        if (!BitConverter.IsLittleEndian) Reverse<T>(destination[..bytes.Length]);
        return destination[bytes.Length..];
    }

    private static ReadOnlySpan<byte> Get<T>(ReadOnlySpan<byte> source, T[] values) where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        source[..bytes.Length].CopyTo(bytes);
        if (!BitConverter.IsLittleEndian) Reverse<T>(bytes);
        return source[bytes.Length..];
    }

    /// <summary>Swaps each element's bytes (the payload is little-endian on every machine).</summary>
    private static void Reverse<T>(Span<byte> bytes) where T : unmanaged
    {
        var size = Unsafe.SizeOf<T>();
        for (var i = 0; i < bytes.Length; i += size) bytes.Slice(i, size).Reverse();
    }

    /// <summary>Format 1 (earlier versions): the same fields after the header, written one by one with a <see cref="BinaryWriter"/>, uncompressed.</summary>
    private static void ReadVersion1(byte[] payload, BatchResult b)
    {
        using var r = new BinaryReader(new MemoryStream(payload, HeaderLength, payload.Length - HeaderLength));
        ReadInts(r, b.Ladder); ReadInts(r, b.Engage); ReadInts(r, b.Phase); ReadInts(r, b.Histograms);
        for (var i = 0; i < b.Sums.Length; i++) b.Sums[i] = r.ReadDouble();
        for (var i = 0; i < b.FirstMonth.Length; i++) b.FirstMonth[i] = r.ReadInt16();
        ReadInts(r, b.DrawLadder);
    }

    private static void ReadInts(BinaryReader r, int[] a)
    {
        for (var i = 0; i < a.Length; i++) a[i] = r.ReadInt32();
    }
}
#pragma warning restore CA1051
