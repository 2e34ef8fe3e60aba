namespace Peninsula.Storage.Tests;

/// <summary><see cref="SqliteEventBase"/>: the event-base contract (<see cref="EventBaseContract{TDatabase}"/>) and SQLite's column types.</summary>
public sealed class SqliteEventBaseTests : EventBaseContract<TempDatabase>
{
    [Fact]
    public void Schema_HistTablesUseOnlyPortableColumnTypes()
    {
        using (Database.OpenEventBase()) { }
        using var connection = Database.OpenRaw();
        using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'hist!_%' ESCAPE '!' ORDER BY name";
        var names = new List<string>();
        using (var reader = tables.ExecuteReader())
        {
            while (reader.Read())
                names.Add(reader.GetString(0));
        }

        Assert.Equal(
            ["hist_administrations", "hist_events", "hist_exercises", "hist_import", "hist_missile_launches", "hist_monthly_series", "hist_nuclear_tests", "hist_policy_phases", "hist_weapons_pipeline"],
            names);
        foreach (var name in names)
        {
            using var columns = connection.CreateCommand();
            columns.CommandText = $"SELECT type FROM pragma_table_info('{name}')";
            using var reader = columns.ExecuteReader();
            while (reader.Read())
                Assert.Contains(reader.GetString(0), new[] { "INTEGER", "REAL", "TEXT" });
        }
    }
}
