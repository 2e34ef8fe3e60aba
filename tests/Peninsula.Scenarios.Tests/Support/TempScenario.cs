namespace Peninsula.Scenarios.Tests.Support;

/// <summary>
/// A temporary folder holding copies of the shipped scenarios, so a test can edit a copy (keeping its
/// file name, so errors read as they would for the real file) and load it. The folder is named
/// <c>scenarios</c> (inside a unique one) so that, as for the shipped tree, files in subfolders may refer to
/// files above them. Deleted on dispose.
/// </summary>
internal sealed class TempScenario : IDisposable
{
    public TempScenario()
    {
        Outer = Path.Combine(Path.GetTempPath(), "peninsula-scenarios-" + Guid.NewGuid().ToString("N"));
        Folder = Path.Combine(Outer, "scenarios");
        Directory.CreateDirectory(Folder);
        foreach (var file in Directory.GetFiles(Repo.Scenarios, "*.yaml")) File.Copy(file, Path.Combine(Folder, Path.GetFileName(file)));
    }

    /// <summary>The unique folder holding <see cref="Folder"/> (outside the scenario tree).</summary>
    public string Outer { get; }

    public string Folder { get; }

    public string PathOf(string fileName) => Path.Combine(Folder, fileName);

    /// <summary>Starts editing the copy of <paramref name="fileName"/>.</summary>
    public ScenarioEdit Edit(string fileName) => new(PathOf(fileName));

    /// <summary>Writes <paramref name="text"/> to <paramref name="fileName"/> in the folder; returns its path.</summary>
    public string Write(string fileName, string text)
    {
        var path = PathOf(fileName);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Outer, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>Line edits on one scenario file; each edit returns the 1-based line it touched.</summary>
internal sealed class ScenarioEdit(string path)
{
    private readonly List<string> _lines = [.. File.ReadAllText(path).Replace("\r\n", "\n").Split('\n')];

    public string Path { get; } = path;

    /// <summary>1-based line of the first line containing <paramref name="text"/> (after <paramref name="after"/>, if given).</summary>
    public int LineOf(string text, string? after = null)
    {
        var from = after is null ? 0 : LineOf(after);
        var index = _lines.FindIndex(from, l => l.Contains(text, StringComparison.Ordinal));
        if (index < 0) throw new InvalidOperationException($"'{text}' not found in {System.IO.Path.GetFileName(Path)}");
        return index + 1;
    }

    /// <summary>Replaces <paramref name="find"/> by <paramref name="replacement"/> within the first line containing it.</summary>
    public int Replace(string find, string replacement, string? after = null)
    {
        var line = LineOf(find, after);
        _lines[line - 1] = _lines[line - 1].Replace(find, replacement, StringComparison.Ordinal);
        return line;
    }

    /// <summary>Replaces the first match of the regular expression <paramref name="pattern"/> (the first line matching it).</summary>
    public int ReplacePattern(string pattern, string replacement)
    {
        var regex = new System.Text.RegularExpressions.Regex(pattern);
        var index = _lines.FindIndex(l => regex.IsMatch(l));
        if (index < 0) throw new InvalidOperationException($"/{pattern}/ not found in {System.IO.Path.GetFileName(Path)}");
        _lines[index] = regex.Replace(_lines[index], replacement, 1);
        return index + 1;
    }

    /// <summary>Inserts <paramref name="newLine"/> after the first line containing <paramref name="find"/>; returns the new line's number.</summary>
    public int InsertAfter(string find, string newLine, string? after = null)
    {
        var line = LineOf(find, after);
        _lines.Insert(line, newLine);
        return line + 1;
    }

    /// <summary>Inserts <paramref name="newLine"/> as line <paramref name="line"/>.</summary>
    public int InsertAt(int line, string newLine)
    {
        _lines.Insert(line - 1, newLine);
        return line;
    }

    /// <summary>Deletes the first line containing <paramref name="find"/>; returns the line number it had.</summary>
    public int Delete(string find)
    {
        var line = LineOf(find);
        _lines.RemoveAt(line - 1);
        return line;
    }

    /// <summary>Writes the edited text back; returns the file's path.</summary>
    public string Save()
    {
        File.WriteAllText(Path, string.Join("\n", _lines));
        return Path;
    }
}
