using System.Globalization;
using System.Text;

namespace Peninsula.Core;

/// <summary>Text echoed in a one-line error message: escaped so it stays on one line, and shortened.</summary>
public static class OneLineText
{
    /// <summary>
    /// Escapes control characters, lone surrogates and Unicode line or paragraph separators (so the text stays on
    /// one line) and shortens it to <paramref name="max"/> characters followed by an ellipsis.
    /// </summary>
    public static string Printable(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(Math.Min(text.Length, max) + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (sb.Length >= max)
            {
                sb.Append('…');
                break;
            }
            switch (c)
            {
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[i + 1]);
                        i++;
                    }
                    else if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\u0085')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>A value quoted for a message: <c>'text'</c>, escaped and shortened to 40 characters.</summary>
    public static string Show(string value) => "'" + Printable(value, 40) + "'";
}
