namespace Peninsula.Storage.Tests;

/// <summary><see cref="RunStores"/>: which store a <c>--db</c> value opens, and messages that never show a password. Needs no server.</summary>
public sealed class RunStoresTests
{
    [Theory]
    [InlineData("Host=127.0.0.1;Port=5432;Database=x")]
    [InlineData("host=db.example;database=peninsula")]
    [InlineData("Database=x; Host = 127.0.0.1")]
    [InlineData("Server=127.0.0.1;Database=x")]
    [InlineData("postgres://user@127.0.0.1/x")]
    [InlineData("postgresql://127.0.0.1:5433/x?sslmode=disable")]
    [InlineData("  POSTGRESQL://h/x")]
    public void IsPostgres_ConnectionString_True(string target)
    {
        Assert.True(RunStores.IsPostgres(target));
    }

    [Theory]
    [InlineData("peninsula.db")]
    [InlineData("/var/lib/peninsula/runs.db")]
    [InlineData("C:\\data\\host.db")]
    [InlineData("postgres.db")]
    [InlineData("./postgres/peninsula.db")]
    public void IsPostgres_FilePath_False(string target)
    {
        Assert.False(RunStores.IsPostgres(target));
    }

    [Fact]
    public void Open_FilePath_OpensSqliteStore()
    {
        using var database = new TempDatabase();

        using var store = RunStores.Open(database.Path);

        Assert.IsType<SqliteRunStore>(store);
        Assert.True(File.Exists(database.Path));
    }

    [Fact]
    public void OpenEventBase_FilePath_OpensSqliteEventBase()
    {
        using var database = new TempDatabase();

        using var events = RunStores.OpenEventBase(database.Path, StoreAccess.ReadWrite);

        Assert.IsType<SqliteEventBase>(events);
    }

    [Fact]
    public void Open_ServerUnreachable_ThrowsOneLineStorageExceptionWithoutPassword()
    {
        // Port 1 on the loopback address: nothing listens, so the connection is refused at once.
        const string target = "Host=127.0.0.1;Port=1;Database=x;Username=u;Password=s3cret;Timeout=5";

        var error = Assert.Throws<StorageException>(() => RunStores.Open(target));

        Assert.StartsWith("Storage error in 'postgres Host=127.0.0.1;Port=1;Database=x;Username=u", error.Message, StringComparison.Ordinal);
        Assert.Contains("connecting to the server failed: Failed to connect to 127.0.0.1:1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Password", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Open_UnknownKeyword_ThrowsStorageExceptionWithoutPassword()
    {
        var error = Assert.Throws<StorageException>(() => RunStores.Open("Host=h;Password=s3cret;Colour=blue"));

        Assert.Contains("reading the PostgreSQL connection string", error.Message, StringComparison.Ordinal);
        Assert.Contains("Password=***", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MalformedUri_ThrowsStorageExceptionWithoutPassword()
    {
        var error = Assert.Throws<StorageException>(() => RunStores.Open("postgres://u:s3cret@h:notaport/x"));

        Assert.Contains("postgres://u:***@h:notaport/x", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("peninsula.db", "peninsula.db")]
    [InlineData("Host=h;Port=5432;Database=x;Username=u;Password=p", "postgres Host=h;Port=5432;Database=x;Username=u")]
    [InlineData("postgresql://u:p@h:5433/x", "postgres Host=h;Port=5433;Database=x;Username=u")]
    [InlineData("Host=h;Password=p;Bogus=1", "postgres Host=h;Password=***;Bogus=1")]
    public void Describe_Target_ShowsNoPassword(string target, string expected)
    {
        Assert.Equal(expected, RunStores.Describe(target));
    }
}
