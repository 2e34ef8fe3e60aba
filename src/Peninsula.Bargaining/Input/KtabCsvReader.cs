using System.Collections.Immutable;
using System.Globalization;

namespace Peninsula.Bargaining.Input;

/// <summary>
/// Reads KTAB's SMP input CSV: line 1 <c>name, description, nActors, nDims</c>; line 2 a header (its position
/// columns name the dimensions); then one row per actor, <c>actor, description, capability, pos_1, sal_1, …,
/// pos_D, sal_D</c>, positions and saliences on 0–100. Checks the counts against line 1, numbers (invariant
/// culture, finite), ranges, salience totals (≤ 100 per actor), 3–250 actors, 1–100 dimensions and unique actor
/// names. Every problem is a <see cref="BargainingInputException"/> naming the file, line and field
/// (<c>nActors</c>, <c>actor</c>, <c>capability</c>, <c>pos_2</c>, <c>sal_2</c>, …).
/// </summary>
public static class KtabCsvReader
{
    /// <summary>Reads the file at <paramref name="path"/>; errors name the file by its file name.</summary>
    public static IssueSpace ReadFile(string path)
    {
        var (name, bytes) = InputText.ReadFile(path);
        return Parse(name, bytes);
    }

    /// <summary>Parses the UTF-8 bytes of a file called <paramref name="fileName"/>.</summary>
    public static IssueSpace Parse(string fileName, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return Parse(fileName, InputText.Decode(fileName, bytes));
    }

    /// <summary>Parses the text of a file called <paramref name="fileName"/>.</summary>
    public static IssueSpace Parse(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(text);
        var file = fileName;
        var lines = CsvLines.Split(InputText.Prepare(file, text));
        var used = CsvLines.CountWithoutTrailingBlanks(lines);
        if (used == 0)
            throw new BargainingInputException(file, 1, null, "file is empty (expected 'name, description, nActors, nDims' on line 1)");

        var first = CsvLines.Fields(file, 1, lines[0]);
        if (first.Count != 4)
            throw new BargainingInputException(file, 1, null,
                $"expected 4 fields 'name, description, nActors, nDims', found {first.Count}");
        var name = first[0];
        Check(file, 1, "name", InputRules.NameProblem(name));
        var description = first[1];
        Check(file, 1, "description", InputRules.TextProblem(description));
        var nActors = Integer(file, 1, "nActors", first[2]);
        Check(file, 1, "nActors", InputRules.ActorCountProblem(nActors));
        var nDims = Integer(file, 1, "nDims", first[3]);
        Check(file, 1, "nDims", InputRules.DimensionCountProblem(nDims));
        var columns = 3 + 2 * (int)nDims;

        if (used < 2)
            throw new BargainingInputException(file, 2, null, "the header line is missing");
        var header = CsvLines.Fields(file, 2, lines[1]);
        if (header.Count != columns)
            throw new BargainingInputException(file, 2, null,
                $"header has {header.Count} columns, expected {columns} (actor, description, capability, then position and salience for each of {nDims} dimensions)");
        var dimensions = ImmutableArray.CreateBuilder<string>((int)nDims);
        for (var d = 0; d < nDims; d++)
        {
            var dim = header[3 + 2 * d];
            if (dim.Length == 0)
                dim = "dim_" + (d + 1).ToString(CultureInfo.InvariantCulture);
            Check(file, 2, Pos(d), InputRules.NameProblem(dim));
            dimensions.Add(dim);
        }

        var actors = ImmutableArray.CreateBuilder<Stakeholder>((int)nActors);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var a = 0; a < nActors; a++)
        {
            var index = 2 + a;
            var ln = index + 1;
            if (index >= used)
                throw new BargainingInputException(file, ln, null,
                    $"expected {nActors} actor rows (nActors on line 1), found {a}");
            if (CsvLines.IsBlank(lines[index]))
                throw new BargainingInputException(file, ln, null, "empty line where an actor row was expected");
            var f = CsvLines.Fields(file, ln, lines[index]);
            if (f.Count != columns)
                throw new BargainingInputException(file, ln, null, $"row has {f.Count} fields, expected {columns}");

            var actor = f[0];
            Check(file, ln, "actor", InputRules.NameProblem(actor));
            if (!seen.TryAdd(actor, ln))
                throw new BargainingInputException(file, ln, "actor", $"{InputText.Show(actor)} is already used on line {seen[actor]}");
            Check(file, ln, "description", InputRules.TextProblem(f[1]));
            var capability = Number(file, ln, "capability", f[2]);
            Check(file, ln, "capability", InputRules.CapabilityProblem(capability));
            var positions = new double[nDims];
            var saliences = new double[nDims];
            for (var d = 0; d < nDims; d++)
            {
                positions[d] = Number(file, ln, Pos(d), f[3 + 2 * d]);
                Check(file, ln, Pos(d), InputRules.PercentProblem(positions[d], "position"));
                saliences[d] = Number(file, ln, Sal(d), f[4 + 2 * d]);
                Check(file, ln, Sal(d), InputRules.PercentProblem(saliences[d], "salience"));
            }
            Check(file, ln, Sal((int)nDims - 1), InputRules.SalienceSumProblem(actor, saliences));
            actors.Add(new Stakeholder(actor, f[1], capability, [.. positions], [.. saliences]));
        }
        var extra = 2 + (int)nActors;
        if (extra < used)
            throw new BargainingInputException(file, extra + 1, null, $"more rows than the {nActors} actors declared on line 1 (nActors)");

        return new IssueSpace(name, description, dimensions.MoveToImmutable(), actors.MoveToImmutable());
    }

    private static string Pos(int d) => "pos_" + (d + 1).ToString(CultureInfo.InvariantCulture);

    private static string Sal(int d) => "sal_" + (d + 1).ToString(CultureInfo.InvariantCulture);

    private static void Check(string file, int line, string field, string? problem)
    {
        if (problem is not null)
            throw new BargainingInputException(file, line, field, problem);
    }

    private static double Number(string file, int line, string field, string text)
    {
        if (text.Length == 0)
            throw new BargainingInputException(file, line, field, "is empty (expected a number)");
        if (!InputText.TryNumber(text, out var value))
            throw new BargainingInputException(file, line, field, $"{InputText.Show(text)} is not a number");
        return value;
    }

    private static long Integer(string file, int line, string field, string text)
    {
        if (!InputText.TryInteger(text, out var value))
            throw new BargainingInputException(file, line, field, $"{InputText.Show(text)} is not a whole number");
        return value;
    }
}
