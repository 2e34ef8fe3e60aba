using System.Collections.Immutable;
using System.Text;
using Peninsula.Cli.Infrastructure;

namespace Peninsula.App;

/// <summary>
/// An edited scenario ready to be written: the edited file under its own name and copies of the files it reads
/// (its bases and issue space) laid out as beside the original, so relative references resolve as they do for the
/// original and the scenario's canonical text (hence run ids) does not depend on where the copy is written.
/// </summary>
public sealed class ScenarioEdit
{
    private ScenarioEdit(string relativePath, ImmutableArray<(string RelativePath, string Content)> files, string hash)
    {
        RelativePath = relativePath;
        Files = files;
        Hash = hash;
    }

    /// <summary>The edited scenario's path relative to the folder it is written into.</summary>
    public string RelativePath { get; }

    /// <summary>Every file to write: the edited scenario first, then its support files.</summary>
    public ImmutableArray<(string RelativePath, string Content)> Files { get; }

    /// <summary>SHA-256 over every file's relative path and content: equal edits have equal hashes.</summary>
    public string Hash { get; }

    /// <summary>The edit of <paramref name="document"/> whose text is now <paramref name="text"/>; support files are read from <paramref name="scenariosRoot"/> (default: the document's folder).</summary>
    public static ScenarioEdit Of(ScenarioDocument document, string text, string? scenariosRoot = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(text);
        var root = scenariosRoot ?? document.Folder;
        var files = new List<(string Relative, string Content)> { (document.RelativePath, text) };
        foreach (var support in document.SupportFiles)
            files.Add((support, File.ReadAllText(Path.Combine(root, support))));
        var manifest = new StringBuilder();
        foreach (var (relative, content) in files) manifest.Append(relative).Append('\n').Append(Hashing.Sha256(content)).Append('\n');
        return new ScenarioEdit(document.RelativePath, [.. files], Hashing.Sha256(manifest.ToString()));
    }

    /// <summary>
    /// Writes the files into <paramref name="folder"/> unless it already exists (equal hashes, equal content), via
    /// <paramref name="staging"/> renamed in one step so readers never see half an edit. Returns the scenario's path.
    /// </summary>
    /// <param name="folder">Target folder (usually named by <see cref="Hash"/>); its parent must exist.</param>
    /// <param name="staging">A fresh folder beside <paramref name="folder"/> (same file system) to write into first.</param>
    /// <param name="inside">Checks every path written (e.g. that it stays in a data folder); identity when null.</param>
    public string WriteTo(string folder, string staging, Func<string, string>? inside = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(staging);
        inside ??= Path.GetFullPath;
        if (!Directory.Exists(folder))
        {
            foreach (var (relative, content) in Files)
            {
                var target = inside(Path.Combine(staging, relative));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, content);
            }
            try
            {
                Directory.Move(staging, folder);
            }
            catch (IOException) when (Directory.Exists(folder))
            {
                Directory.Delete(staging, recursive: true); // the same edit was written at the same moment
            }
        }
        return inside(Path.Combine(folder, RelativePath));
    }
}
