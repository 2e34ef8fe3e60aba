namespace Peninsula.Testing;

/// <summary>What one <see cref="ByteMutation"/> does to an input.</summary>
public enum MutationKind
{
    /// <summary>Deletes a run of 1–12 bytes.</summary>
    DeleteRun,

    /// <summary>Duplicates a run of 1–12 bytes in place.</summary>
    DuplicateRun,

    /// <summary>Inserts a symbol of the alphabet (a quote, a delimiter, markup, a line break, a hostile snippet…).</summary>
    InsertSymbol,

    /// <summary>Overwrites one byte with any value (often breaking UTF-8).</summary>
    OverwriteByte,

    /// <summary>Inserts 1–12 pseudo-random bytes.</summary>
    InsertBytes,

    /// <summary>Cuts the input at a position.</summary>
    Truncate,

    /// <summary>Deletes a whole line.</summary>
    DeleteLine,

    /// <summary>Duplicates a whole line.</summary>
    DuplicateLine,

    /// <summary>Swaps two lines.</summary>
    SwapLines,

    /// <summary>Overwrites a line with a copy of another line.</summary>
    CopyLine,

    /// <summary>Replaces the field (the bytes between two delimiters of the alphabet) holding the position with a symbol.</summary>
    ReplaceField,

    /// <summary>Inserts a symbol just after the next delimiter (e.g. opens a quote at the start of a CSV field).</summary>
    InsertAfterDelimiter,

    /// <summary>Inserts a symbol into, or deletes bytes from, the first line (a CSV header, an XML declaration, a YAML key).</summary>
    EditFirstLine,

    /// <summary>Replaces the next digit with another digit.</summary>
    ChangeDigit,

    /// <summary>Inserts a symbol at the start of a line (indentation, list markers, comments).</summary>
    PrefixLine,

    /// <summary>Replaces the whole input with a symbol.</summary>
    ReplaceAll,
}
