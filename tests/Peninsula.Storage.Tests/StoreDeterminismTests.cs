using System.Text;
using CsCheck;
using Peninsula.Core;

namespace Peninsula.Storage.Tests;

/// <summary>
/// The same manifests, batches, forecasts and historical data stored through SQLite and through PostgreSQL read
/// back identically, byte for byte, so a run stored on either gives the same results and the same JSON.
/// </summary>
public sealed class StoreDeterminismTests : IRequiresPostgres, IDisposable
{
    /// <summary>A forecast document with what JSON text can hold: non-ASCII, escapes, CRLF, long numbers.</summary>
    private const string ForecastJson =
        "{\r\n  \"schema\": \"peninsula.forecast/1\",\r\n  \"scenario\": \"transition-2021 «ü» ✓ 조선\",\r\n" +
        "  \"p\": [0.1, 0.30000000000000004, 1E-300, -0.0],\r\n  \"note\": \"tab\\t quote\\\" backslash\\\\ \\u0000\"\r\n}\n";

    private readonly TempDatabase _sqlite = new();
    private readonly TempPostgresSchema _postgres = new();

    public void Dispose()
    {
        _sqlite.Dispose();
        _postgres.Dispose();
    }

    [StoreFact]
    public void RunStores_SameWrites_ReadBackIdentically()
    {
        var manifests = new[]
        {
            Manifests.Sample("run-b", seed: 0),
            Manifests.Sample("run-a", seed: ulong.MaxValue) with { ScenarioText = "a\r\nb\n\tc «ü»" },
            Manifests.Sample("run-c", seed: (ulong)long.MaxValue + 1),
        };
        var payloads = Enumerable.Range(0, 12).Select(i => Payload(i, 1000 + (97 * i))).ToList();
        payloads.Add([]);

        using var sqlite = RunStores.Open(_sqlite.Target);
        using var postgres = RunStores.Open(_postgres.Target);
        foreach (var store in new[] { sqlite, postgres })
        {
            foreach (var manifest in manifests)
                store.EnsureRun(manifest);
            for (var b = payloads.Count - 1; b >= 0; b--)
                store.SaveBatch("run-a", b, payloads[b]);
            store.SaveBatch("run-a", 3, [1, 2, 3]);
            store.CompleteRun("run-a", ForecastJson);
            store.CompleteRun("run-c", "{}");
        }

        Assert.Equal(Snapshot(sqlite, manifests), Snapshot(postgres, manifests));
        Assert.Equal(["run-c", "run-a", "run-b"], postgres.ListRuns().Select(r => r.RunId));
        Assert.Equal(manifests[1], postgres.FindRun("run-a"));
        Assert.Equal(payloads[3], postgres.LoadBatch("run-a", 3));
        Assert.Equal(Encoding.UTF8.GetBytes(ForecastJson), Encoding.UTF8.GetBytes(postgres.LoadForecast("run-a")!));
    }

    [StoreFact]
    public void RunStores_ArbitraryPayloadsAndJson_ReadBackIdentically()
    {
        using var sqlite = RunStores.Open(_sqlite.Target);
        using var postgres = RunStores.Open(_postgres.Target);
        var index = 0;

        Gen.Select(Gen.Byte.Array[0, 2048], Gen.String[0, 200], Gen.ULong).Sample((payload, text, seed) =>
        {
            var runId = $"run-{index++}";
            var manifest = Manifests.Sample(runId, seed) with { ScenarioText = text };
            var json = "{\"text\":\"" + text + "\"}";
            foreach (var store in new[] { sqlite, postgres })
            {
                store.EnsureRun(manifest);
                store.SaveBatch(runId, 0, payload);
                store.CompleteRun(runId, json);
            }

            Assert.Equal(sqlite.FindRun(runId), postgres.FindRun(runId));
            Assert.Equal(sqlite.LoadBatch(runId, 0), postgres.LoadBatch(runId, 0));
            Assert.Equal(sqlite.LoadForecast(runId), postgres.LoadForecast(runId));
        }, iter: 100, threads: 1);
    }

    [StoreFact]
    public void EventBases_SameImport_AnswerIdentically()
    {
        var from = Month.Of(1990, 1);
        var to = Month.Of(2020, 12);
        using var sqlite = RunStores.OpenEventBase(_sqlite.Target);
        using var postgres = RunStores.OpenEventBase(_postgres.Target);

        sqlite.Import(HistoryData.Full, HistoryData.DataSha256);
        postgres.Import(HistoryData.Full, HistoryData.DataSha256);

        Assert.Equal(sqlite.CurrentImport(), postgres.CurrentImport());
        Assert.Equal(sqlite.MonthlyLabels(from, to), postgres.MonthlyLabels(from, to));
        Assert.Equal(sqlite.MonthlySeries(from, to), postgres.MonthlySeries(from, to));
        Assert.Equal(sqlite.Events(from, to), postgres.Events(from, to));
        Assert.Equal(sqlite.MissileLaunches(from, to), postgres.MissileLaunches(from, to));
    }

    /// <summary>Deterministic bytes that look random (a fixed linear congruential sequence).</summary>
    private static byte[] Payload(int salt, int length)
    {
        var bytes = new byte[length];
        var state = (uint)(salt * 2654435761u) + 1;
        for (var i = 0; i < length; i++)
        {
            state = (state * 1664525u) + 1013904223u;
            bytes[i] = (byte)(state >> 24);
        }
        return bytes;
    }

    /// <summary>Everything a store returns about the runs, as one string whose equality means byte-identical reads.</summary>
    private static string Snapshot(IRunStore store, IEnumerable<RunManifest> manifests)
    {
        var text = new StringBuilder();
        foreach (var run in store.ListRuns())
            text.Append("run ").Append(run).Append('\n');
        foreach (var manifest in manifests)
        {
            var id = manifest.RunId;
            text.Append("find ").Append(store.FindRun(id)).Append('\n');
            foreach (var batch in store.CommittedBatches(id).Order())
                text.Append("batch ").Append(id).Append(' ').Append(batch).Append(' ').Append(Convert.ToHexString(store.LoadBatch(id, batch)!)).Append('\n');
            text.Append("forecast ").Append(Convert.ToHexString(Encoding.UTF8.GetBytes(store.LoadForecast(id) ?? "<none>"))).Append('\n');
        }
        return text.ToString();
    }
}
