using System.Text;
using Peninsula.Scenarios.Yaml;

namespace Peninsula.Scenarios;

/// <summary>One file of an <c>extends:</c> chain.</summary>
/// <param name="Path">Full path, as named (before links are resolved); errors name the file by it.</param>
/// <param name="Text">The file's text (BOM removed), or null when it could not be read.</param>
/// <param name="Root">The parsed top-level mapping, or null when the file could not be read or parsed.</param>
internal sealed record SourceFile(string Path, string? Text, YMap? Root);

/// <summary>
/// Reads a scenario file and the files it <c>extends:</c> (paths relative to the extending file), detecting cycles
/// and missing bases, and refusing any base outside the <see cref="ScenarioTree"/>.
/// </summary>
internal static class SourceChain
{
    /// <summary>Largest file accepted, in bytes (1 MiB); a larger file, or a device that never ends, is refused unparsed.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>Longest chain of <c>extends:</c> accepted.</summary>
    public const int MaxFiles = 32;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Loads the chain; returns it from the root base to <paramref name="path"/>. <paramref name="complete"/> is false
    /// when a file could not be read or parsed, or a base is missing, cyclic or outside the tree. <paramref name="tree"/>
    /// is the scenario tree (<paramref name="root"/> or the default one), or null when the path is not valid.
    /// </summary>
    public static IReadOnlyList<SourceFile> Load(string path, string? root, ErrorList errors, out bool complete, out ScenarioTree? tree)
    {
        complete = false;
        tree = null;
        var chain = new List<SourceFile>();
        string full;
        string? real;
        string? problem;
        try
        {
            full = System.IO.Path.GetFullPath(path);
            tree = ScenarioTree.For(full, root);
            // The file the caller named is read wherever its links lead, unless the caller named the tree too.
            if (root is null)
            {
                real = RealPath.Of(full);
                problem = real is null ? $"cannot be resolved (more than {RealPath.MaxLinks} symbolic links)" : null;
            }
            else
            {
                real = tree.Resolve(full, out problem);
            }
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            errors.Add(path, 1, "", $"'{path}' is not a valid file path");
            return chain;
        }
        if (real is null)
        {
            errors.Add(full, 1, "", $"scenario file '{System.IO.Path.GetFileName(full)}' {problem}");
            return chain;
        }

        var reals = new List<string> { real };
        var text = ReadText(reals[0], full, errors, full, 1, "");
        while (true)
        {
            var parsed = text is null ? null : YamlReader.Read(full, text, errors);
            chain.Add(new SourceFile(full, text, parsed));
            if (parsed is null) break;
            if (parsed.Find("extends") is not { } extends)
            {
                complete = true;
                break;
            }

            if (extends.Value is not YScalar { Kind: ScalarKind.String } target || target.Text.Trim().Length == 0)
            {
                errors.Add(extends.Value.Origin, "extends", "expected the file name of a base scenario");
                break;
            }
            var written = target.Text.Trim();
            string basePath;
            try
            {
                basePath = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full) ?? "", written));
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
            {
                errors.Add(target.Origin, "extends", $"base file '{written}' is not a valid file path");
                break;
            }
            var baseReal = tree.Resolve(basePath, out problem);
            if (baseReal is null)
            {
                errors.Add(target.Origin, "extends", $"base file '{written}' {problem}");
                break;
            }
            var loop = reals.FindIndex(f => string.Equals(f, baseReal, StringComparison.Ordinal));
            if (loop >= 0)
            {
                var cycle = chain.Skip(loop).Select(f => System.IO.Path.GetFileName(f.Path)).Append(System.IO.Path.GetFileName(basePath));
                errors.Add(target.Origin, "extends", "extends cycle: " + string.Join(" -> ", cycle));
                break;
            }
            if (chain.Count >= MaxFiles)
            {
                errors.Add(target.Origin, "extends", $"extends chain longer than {MaxFiles} files");
                break;
            }
            text = ReadText(baseReal, basePath, errors, full, target.Origin.Line, "extends");
            if (text is null) break;
            full = basePath;
            reals.Add(baseReal);
        }
        chain.Reverse();
        return chain;
    }

    /// <summary>Reads <paramref name="path"/> as <see cref="ReadText"/> does, problems reported at its line 1.</summary>
    internal static string? ReadBounded(string path, ErrorList errors) => ReadText(path, path, errors, path, 1, "");

    /// <summary>
    /// Reads <paramref name="path"/> (the resolved file) as strict UTF-8, at most <see cref="MaxBytes"/>; messages name it
    /// as <paramref name="shown"/>. Problems are reported at (<paramref name="file"/>, <paramref name="line"/>): the file
    /// itself for the scenario named on the command line, the <c>extends:</c> line for a base.
    /// </summary>
    private static string? ReadText(string path, string shown, ErrorList errors, string file, int line, string errorPath)
    {
        var name = System.IO.Path.GetFileName(shown);
        var what = errorPath.Length == 0 ? "scenario file" : "base file";
        try
        {
            if (Directory.Exists(path))
            {
                errors.Add(file, line, errorPath, $"{what} '{name}' is a directory");
                return null;
            }
            if (!File.Exists(path))
            {
                errors.Add(file, line, errorPath, $"{what} '{name}' not found");
                return null;
            }
            var bytes = Core.BoundedFile.ReadAllBytes(path, MaxBytes);
            if (bytes is null)
            {
                errors.Add(file, line, errorPath, $"{what} '{name}' is larger than 1 MB");
                return null;
            }
            var span = bytes.AsSpan();
            if (span.StartsWith(Encoding.UTF8.Preamble)) span = span[Encoding.UTF8.Preamble.Length..];
            return StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            errors.Add(file, line, errorPath, $"{what} '{name}' is not valid UTF-8 text");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.Add(file, line, errorPath, $"{what} '{name}' cannot be read: {ex.Message.ReplaceLineEndings(" ")}");
        }
        return null;
    }
}
