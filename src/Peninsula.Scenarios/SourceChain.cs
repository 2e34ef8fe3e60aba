using System.Text;
using Peninsula.Scenarios.Yaml;

namespace Peninsula.Scenarios;

/// <summary>One file of an <c>extends:</c> chain.</summary>
/// <param name="Path">Full path.</param>
/// <param name="Text">The file's text (BOM removed), or null when it could not be read.</param>
/// <param name="Root">The parsed top-level mapping, or null when the file could not be read or parsed.</param>
internal sealed record SourceFile(string Path, string? Text, YMap? Root);

/// <summary>
/// Reads a scenario file and the files it <c>extends:</c> (paths relative to the extending file),
/// detecting cycles and missing bases.
/// </summary>
internal static class SourceChain
{
    /// <summary>Largest file accepted, in bytes.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>Longest chain of <c>extends:</c> accepted.</summary>
    public const int MaxFiles = 32;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Loads the chain; returns it from the root base to <paramref name="path"/>. <paramref name="complete"/>
    /// is false when a file could not be read or parsed, or a base is missing or cyclic.
    /// </summary>
    public static IReadOnlyList<SourceFile> Load(string path, ErrorList errors, out bool complete)
    {
        complete = false;
        var chain = new List<SourceFile>();
        string full;
        try
        {
            full = System.IO.Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            errors.Add(path, 1, "", $"'{path}' is not a valid file path");
            return chain;
        }

        var text = ReadText(full, errors, full, 1, "");
        while (true)
        {
            var root = text is null ? null : YamlReader.Read(full, text, errors);
            chain.Add(new SourceFile(full, text, root));
            if (root is null) break;
            if (root.Find("extends") is not { } extends)
            {
                complete = true;
                break;
            }

            if (extends.Value is not YScalar { Kind: ScalarKind.String } target || target.Text.Trim().Length == 0)
            {
                errors.Add(extends.Value.Origin, "extends", "expected the file name of a base scenario");
                break;
            }
            var basePath = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full) ?? "", target.Text.Trim()));
            var loop = chain.FindIndex(f => string.Equals(f.Path, basePath, StringComparison.Ordinal));
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
            text = ReadText(basePath, errors, full, target.Origin.Line, "extends");
            if (text is null) break;
            full = basePath;
        }
        chain.Reverse();
        return chain;
    }

    /// <summary>
    /// Reads a file as strict UTF-8. Problems are reported at (<paramref name="file"/>, <paramref name="line"/>):
    /// the file itself for the scenario named on the command line, the <c>extends:</c> line for a base.
    /// </summary>
    private static string? ReadText(string path, ErrorList errors, string file, int line, string errorPath)
    {
        var name = System.IO.Path.GetFileName(path);
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
            if (new FileInfo(path).Length > MaxBytes)
            {
                errors.Add(file, line, errorPath, $"{what} '{name}' is larger than 1 MB");
                return null;
            }
            var bytes = File.ReadAllBytes(path);
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
