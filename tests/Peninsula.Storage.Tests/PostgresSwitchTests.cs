namespace Peninsula.Storage.Tests;

/// <summary>
/// <see cref="RunStores.PostgresSupported"/> off (as the native run entry point compiles it): a PostgreSQL target fails to
/// open in one line without its password, SQLite opens as before, and the description still hides the password. The
/// switch is process-wide, so these run in the collection that runs alone.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class PostgresSwitchTests
{
    [Theory]
    [InlineData("Host=127.0.0.1;Port=5432;Database=x;Password=hunter2")]
    [InlineData("postgres://user:hunter2@127.0.0.1/x")]
    public void SwitchOff_PostgresTarget_FailsInOneLine_WithoutThePassword(string target)
    {
        using var _ = SwitchOff();
        Assert.False(RunStores.PostgresSupported);

        var run = Assert.Throws<StorageException>(() => RunStores.Open(target));
        var events = Assert.Throws<StorageException>(() => RunStores.OpenEventBase(target));

        foreach (var e in new[] { run, events })
        {
            Assert.Contains("no PostgreSQL support", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', e.Message);
        }
        Assert.StartsWith("postgres ", RunStores.Describe(target), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", RunStores.Describe(target), StringComparison.Ordinal);
    }

    [Fact]
    public void SwitchOff_SqliteTarget_OpensAsBefore()
    {
        using var _ = SwitchOff();
        using var database = new TempDatabase();

        using var store = RunStores.Open(database.Path);

        Assert.IsType<SqliteRunStore>(store);
        Assert.Equal(database.Path, RunStores.Describe(database.Path));
    }

    [Fact]
    public void SwitchUnset_PostgresIsSupported()
    {
        Assert.True(RunStores.PostgresSupported);
    }

    private static IDisposable SwitchOff()
    {
        AppContext.SetSwitch(RunStores.PostgresSwitch, false);
        return new Restore();
    }

    private sealed class Restore : IDisposable
    {
        public void Dispose() => AppContext.SetSwitch(RunStores.PostgresSwitch, true);
    }
}
