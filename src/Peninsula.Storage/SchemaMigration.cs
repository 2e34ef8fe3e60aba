namespace Peninsula.Storage;

/// <summary>One step of the database schema's history.</summary>
/// <param name="Version">Schema version this step produces; versions run 1, 2, 3… without gaps.</param>
/// <param name="Description">What the step changes, for humans.</param>
/// <param name="Statements">Portable SQL statements (plain DDL, TEXT/INTEGER/BLOB types) run in order in one transaction.</param>
internal sealed record SchemaMigration(int Version, string Description, IReadOnlyList<string> Statements);
