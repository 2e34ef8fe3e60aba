using Peninsula.Web.Infrastructure;

namespace Peninsula.Web.Levers;

/// <summary>
/// Writes edited scenarios to the data folder, one folder per distinct content (<c>edits/&lt;sha256&gt;/</c>), laid out
/// like the shipped scenarios folder (the edited file under its own name, copies of its bases and issue space
/// beside it) so relative references resolve as they do for the original and the run ids do not depend on where
/// the data folder is. Content addressing means two people editing at once never share or overwrite a file, and
/// an edit is visible only to whoever holds its hash.
/// </summary>
public sealed class EditStore(DataFolder data, string scenariosRoot)
{
    /// <summary>Writes the edit (if not already there) and returns its hash and the scenario file's path.</summary>
    /// <param name="document">The shipped scenario that was edited.</param>
    /// <param name="text">The edited scenario text.</param>
    public (string Hash, string ScenarioPath) Write(ScenarioDocument document, string text)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(text);
        var edit = ScenarioEdit.Of(document, text, scenariosRoot);
        var folder = data.EditFolder(edit.Hash);
        var staging = data.Inside(Path.Combine(data.Edits, "tmp-" + Guid.NewGuid().ToString("N")));
        return (edit.Hash, edit.WriteTo(folder, staging, data.Inside));
    }

    /// <summary>The edited scenario file of edit <paramref name="hash"/>, or null when there is none.</summary>
    public string? ScenarioFile(string hash, string relativePath)
    {
        if (!DataFolder.IsId(hash)) return null;
        var file = data.Inside(Path.Combine(data.EditFolder(hash), relativePath));
        return File.Exists(file) ? file : null;
    }
}
