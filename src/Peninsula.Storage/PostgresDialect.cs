using System.Text.RegularExpressions;

namespace Peninsula.Storage;

/// <summary>
/// The schema history (<see cref="SchemaMigrations"/>) as PostgreSQL runs it. The migrations are written in
/// SQLite's portable types; PostgreSQL gets the types that hold the same values: INTEGER (64-bit in SQLite)
/// → BIGINT, REAL (a double in SQLite) → DOUBLE PRECISION, BLOB → BYTEA. TEXT stays TEXT, so seeds keep their
/// decimal text and JSON its exact characters. Table and column names are unchanged.
/// </summary>
internal static partial class PostgresDialect
{
    /// <summary>Every migration of <see cref="SchemaMigrations.All"/>, same versions and order, with types translated.</summary>
    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
        [.. SchemaMigrations.All.Select(m => m with { Statements = [.. m.Statements.Select(Translate)] })];

    /// <summary>Translates the column types of one portable DDL statement (upper-case type names only; identifiers are lower case).</summary>
    public static string Translate(string statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return TypeName().Replace(statement, match => match.Value switch
        {
            "INTEGER" => "BIGINT",
            "REAL" => "DOUBLE PRECISION",
            "BLOB" => "BYTEA",
            _ => match.Value,
        });
    }

    [GeneratedRegex(@"\b(?:INTEGER|REAL|BLOB)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TypeName();
}
