using System.Collections.Immutable;

namespace Peninsula.Bargaining.Input;

/// <summary>
/// Reads the one-issue actor table of the classic expected-utility model (the replication's
/// <c>ExampleActors.csv</c>): header <c>Actor,Capability,Position,Salience</c>, then one row per actor with a
/// capability ≥ 0 (any scale), a position on 0–100 and a salience on 0–1 (stored ×100, on the 0–100 scale of
/// <see cref="Stakeholder"/>). 3–250 actors with unique names. The issue space has one dimension named
/// <c>position</c> and is named after the file (without extension).
/// </summary>
public static class BdmCsvReader
{
    /// <summary>The expected header.</summary>
    public static readonly ImmutableArray<string> Columns = ["Actor", "Capability", "Position", "Salience"];

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
            throw new BargainingInputException(file, 1, null, "file is empty (expected the header 'Actor,Capability,Position,Salience')");
        var header = CsvLines.Fields(file, 1, lines[0]);
        if (!header.SequenceEqual(Columns, StringComparer.Ordinal))
            throw new BargainingInputException(file, 1, null,
                $"header must be 'Actor,Capability,Position,Salience', found {InputText.Show(string.Join(',', header))}");

        var actors = ImmutableArray.CreateBuilder<Stakeholder>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 1; index < used; index++)
        {
            var ln = index + 1;
            if (CsvLines.IsBlank(lines[index]))
                throw new BargainingInputException(file, ln, null, "empty line among the actor rows");
            if (actors.Count == InputRules.MaxActors)
                throw new BargainingInputException(file, ln, null, $"more than {InputRules.MaxActors} actors");
            var f = CsvLines.Fields(file, ln, lines[index]);
            if (f.Count != Columns.Length)
                throw new BargainingInputException(file, ln, null, $"row has {f.Count} fields, expected {Columns.Length}");
            var actor = f[0];
            Check(file, ln, "Actor", InputRules.NameProblem(actor));
            if (!seen.TryAdd(actor, ln))
                throw new BargainingInputException(file, ln, "Actor", $"{InputText.Show(actor)} is already used on line {seen[actor]}");
            var capability = Number(file, ln, "Capability", f[1]);
            Check(file, ln, "Capability", InputRules.CapabilityProblem(capability));
            var position = Number(file, ln, "Position", f[2]);
            Check(file, ln, "Position", InputRules.PercentProblem(position, "position"));
            var salience = Number(file, ln, "Salience", f[3]);
            if (salience is < 0 or > 1)
                throw new BargainingInputException(file, ln, "Salience", $"salience {InputText.Show(salience)} is outside 0-1");
            actors.Add(new Stakeholder(actor, "", capability, [position], [salience * 100]));
        }
        Check(file, used, null, InputRules.ActorCountProblem(actors.Count));
        var name = Path.GetFileNameWithoutExtension(file);
        return new IssueSpace(name.Length == 0 ? file : name, "", ["position"], actors.ToImmutable());
    }

    private static void Check(string file, int line, string? field, string? problem)
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
}
