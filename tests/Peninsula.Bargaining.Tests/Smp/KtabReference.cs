using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Peninsula.Bargaining.Smp;

namespace Peninsula.Bargaining.Tests.Smp;

/// <summary>Test-side readers for the KTAB reference cases under Reference/ktab (copied to the output directory).</summary>
internal static class KtabReference
{
    private static readonly ConcurrentDictionary<string, Lazy<SmpRun>> Runs = new();

    public static string Root => Path.Combine(AppContext.BaseDirectory, "Reference", "ktab");

    public static string CaseDir(string name) => Path.Combine(Root, name);

    /// <summary>The SMP run of a reference case, computed once per test process.</summary>
    public static SmpRun Run(string name) =>
        Runs.GetOrAdd(name, n => new Lazy<SmpRun>(() => new SmpModel().Simulate(ReadCase(n)))).Value;

    /// <summary>The case's input: its input.csv, or else the XML form (Reference/ktab/NAME.xml).</summary>
    public static IssueSpace ReadCase(string name)
    {
        var csv = Path.Combine(CaseDir(name), "input.csv");
        return File.Exists(csv) ? ReadCsv(csv) : ReadXml(Path.Combine(Root, name + ".xml"));
    }

    /// <summary>KTAB's CSV input: name, description, nActors, nDims; a header; actor, description, capability, (position, salience)×D.</summary>
    public static IssueSpace ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path, Encoding.UTF8).Where(l => l.Trim().Length > 0).ToList();
        var head = SplitCsv(lines[0]);
        var na = int.Parse(head[2].Trim(), CultureInfo.InvariantCulture);
        var nd = int.Parse(head[3].Trim(), CultureInfo.InvariantCulture);
        var header = SplitCsv(lines[1]);
        var dims = Enumerable.Range(0, nd).Select(k => header[3 + (2 * k)].Trim()).ToImmutableArray();
        var actors = ImmutableArray.CreateBuilder<Stakeholder>(na);
        for (var i = 0; i < na; i++)
        {
            var f = SplitCsv(lines[2 + i]).Select(x => x.Trim()).ToList();
            double D(int c) => double.Parse(f[c], NumberStyles.Float, CultureInfo.InvariantCulture);
            actors.Add(new Stakeholder(
                f[0],
                f[1],
                D(2),
                [.. Enumerable.Range(0, nd).Select(k => D(3 + (2 * k)))],
                [.. Enumerable.Range(0, nd).Select(k => D(4 + (2 * k)))]));
        }

        return new IssueSpace(head[0].Trim(), head[1].Trim(), dims, actors.MoveToImmutable());
    }

    /// <summary>KTAB's XML input (smpSchema.xsd): only the scenario, dimensions and actors are read.</summary>
    public static IssueSpace ReadXml(string path)
    {
        var doc = XDocument.Load(path);
        var root = doc.Root!;
        static double D(XElement e) => double.Parse(e.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);
        var dims = root.Element("Dimensions")!.Elements("dName").Select(e => e.Value.Trim()).ToImmutableArray();
        var actors = root.Element("Actors")!.Elements("Actor").Select(a => new Stakeholder(
            a.Element("name")!.Value.Trim(),
            a.Element("description")?.Value.Trim() ?? "",
            D(a.Element("capability")!),
            [.. a.Element("Position")!.Elements("dCoord").Select(D)],
            [.. a.Element("Salience")!.Elements("dSal").Select(D)])).ToImmutableArray();
        return new IssueSpace(root.Element("name")!.Value.Trim(), root.Element("desc")?.Value.Trim() ?? "", dims, actors);
    }

    /// <summary>positions_by_turn.csv as (turn, actor, dim) → position (0–100).</summary>
    public static Dictionary<(int Turn, int Actor, int Dim), double> ReadTrajectory(string name)
    {
        var rows = ReadCsvRows(Path.Combine(CaseDir(name), "positions_by_turn.csv"));
        return rows.ToDictionary(
            r => (Int(r["turn"]), Int(r["actor_idx"]), Int(r["dim"])),
            r => Dbl(r["position"]));
    }

    /// <summary>A CSV (optionally .gz) as rows of header → field.</summary>
    public static List<Dictionary<string, string>> ReadCsvRows(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var header = SplitCsv(reader.ReadLine()!);
        var rows = new List<Dictionary<string, string>>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var f = SplitCsv(line);
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < header.Count; c++) row[header[c]] = c < f.Count ? f[c] : "";
            rows.Add(row);
        }

        return rows;
    }

    public static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);

    public static double Dbl(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Splits one CSV line, honouring double quotes.</summary>
    public static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    sb.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    sb.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(sb.ToString());
                sb.Clear();
            }
            else
            {
                sb.Append(ch);
            }
        }

        fields.Add(sb.ToString());
        return fields;
    }
}
