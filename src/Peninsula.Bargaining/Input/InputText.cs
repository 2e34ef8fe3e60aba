using System.Globalization;
using System.Text;

namespace Peninsula.Bargaining.Input;

/// <summary>Shared text handling of the readers: strict decoding, number parsing, one-line quoting.</summary>
internal static class InputText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a file's bytes; a missing or unreadable file is a <see cref="BargainingInputException"/>.</summary>
    public static (string Name, byte[] Bytes) ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        if (name.Length == 0)
            name = path;
        try
        {
            return (name, ReadBounded(path, name));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BargainingInputException(name, 0, null, "file not found");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new BargainingInputException(name, 0, null, "file cannot be read: " + ex.Message);
        }
    }

    /// <summary>The file's bytes (<see cref="Core.BoundedFile"/>: never more than the limit held in memory).</summary>
    private static byte[] ReadBounded(string path, string name) =>
        Core.BoundedFile.ReadAllBytes(path, InputRules.MaxFileBytes) ?? throw new BargainingInputException(name, 1, null, TooLarge);

    private static readonly string TooLarge = $"file is larger than {InputRules.MaxFileBytes >> 20} MiB";

    /// <summary>Decodes UTF-8 (a leading byte-order mark is dropped); invalid bytes are reported with their line.</summary>
    public static string Decode(string file, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length > InputRules.MaxFileBytes)
            throw new BargainingInputException(file, 1, null, TooLarge);
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            span = span[3..];
        if (!System.Text.Unicode.Utf8.IsValid(span))
        {
            var offset = 0;
            var line = 1;
            while (offset < span.Length)
            {
                var status = System.Text.Rune.DecodeFromUtf8(span[offset..], out _, out var consumed);
                if (status != System.Buffers.OperationStatus.Done)
                    throw new BargainingInputException(file, line, null,
                        string.Create(CultureInfo.InvariantCulture, $"not valid UTF-8 (byte 0x{span[offset]:X2})"));
                if (span[offset] == (byte)'\n')
                    line++;
                offset += consumed;
            }
        }
        return StrictUtf8.GetString(span);
    }

    /// <summary>Text already decoded, checked against <see cref="InputRules.MaxFileBytes"/>, without a leading byte-order mark.</summary>
    public static string Prepare(string file, string text)
    {
        if (text.Length > InputRules.MaxFileBytes)
            throw new BargainingInputException(file, 1, null, TooLarge);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    /// <summary>
    /// Parses a finite decimal number in the invariant culture (sign, decimal point and exponent allowed;
    /// no thousands separators, no NaN or infinity). Negative zero becomes zero.
    /// </summary>
    public static bool TryNumber(string text, out double value)
    {
        if (text.Length is > 0 and <= 64
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value)
            && !ContainsLetterOtherThanExponent(text))
        {
            value += 0.0;
            return true;
        }
        value = 0;
        return false;
    }

    // NumberStyles.Float accepts "NaN" and "Infinity" spelled out; those are rejected above by IsFinite, but
    // this also keeps out anything but digits, sign, point, exponent and surrounding spaces.
    private static bool ContainsLetterOtherThanExponent(string text)
    {
        foreach (var ch in text)
        {
            if (ch is not ((>= '0' and <= '9') or '+' or '-' or '.' or 'e' or 'E' or ' ' or '\t'))
                return true;
        }
        return false;
    }

    /// <summary>Parses an integer (optional sign, digits, surrounding spaces).</summary>
    public static bool TryInteger(string text, out long value)
    {
        value = 0;
        return text.Length is > 0 and <= 32
            && long.TryParse(text, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A number for a message: up to ten significant digits, invariant culture.</summary>
    public static string Show(double value) => value.ToString("G10", CultureInfo.InvariantCulture);

    /// <summary>A value quoted for a message: <c>'text'</c>, escaped and shortened.</summary>
    public static string Show(string value) => "'" + Printable(value, 40) + "'";

    /// <summary>Whether the text holds a control character, a lone surrogate or a Unicode line or paragraph separator.</summary>
    public static bool HasControl(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029')
                return true;
        }
        return false;
    }

    /// <summary>Escapes and shortens text for a one-line message (see <see cref="Core.OneLineText.Printable"/>).</summary>
    public static string Printable(string text, int max) => Core.OneLineText.Printable(text, max);
}
