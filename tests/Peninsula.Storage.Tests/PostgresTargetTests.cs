using Npgsql;

namespace Peninsula.Storage.Tests;

/// <summary><see cref="PostgresTarget"/>: key/value strings and libpq URIs, and redaction. Needs no server.</summary>
public sealed class PostgresTargetTests
{
    [Fact]
    public void Parse_PasswordSynonym_IsNotDisplayed()
    {
        var target = PostgresTarget.Parse("Host=db;PWD=pw;Database=runs");

        Assert.Equal("pw", new NpgsqlConnectionStringBuilder(target.ConnectionString).Password);
        Assert.Equal("postgres Host=db;Database=runs", target.Display);
    }

    [Fact]
    public void Parse_KeyValue_KeepsPasswordForConnectingButNotForDisplay()
    {
        var target = PostgresTarget.Parse("Host=db;Port=6543;Database=runs;Username=sim;Password=pw;SSL Password=key-pw");

        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        Assert.Equal("pw", builder.Password);
        Assert.Equal("key-pw", builder.SslPassword);
        Assert.Equal("postgres Host=db;Port=6543;Database=runs;Username=sim", target.Display);
    }

    [Fact]
    public void Parse_FullUri_ConvertsEveryPart()
    {
        var target = PostgresTarget.Parse(
            "postgresql://sim%40corp:p%3Ass%2Fw@db.example:6543/run%20store?sslmode=verify-full&application_name=peninsula&connect_timeout=7&search_path=s1");

        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        Assert.Equal("sim@corp", builder.Username);
        Assert.Equal("p:ss/w", builder.Password);
        Assert.Equal("db.example", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("run store", builder.Database);
        Assert.Equal(SslMode.VerifyFull, builder.SslMode);
        Assert.Equal("peninsula", builder.ApplicationName);
        Assert.Equal(7, builder.Timeout);
        Assert.Equal("s1", builder.SearchPath);
        Assert.DoesNotContain("p:ss/w", target.Display, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://h", "h", 5432, null, null)]
    [InlineData("postgres://h:1/db", "h", 1, "db", null)]
    [InlineData("postgres://u@h/db", "h", 5432, "db", "u")]
    [InlineData("postgres://[::1]:7/db", "::1", 7, "db", null)]
    [InlineData("postgres:///db?host=/var/run/postgresql", "/var/run/postgresql", 5432, "db", null)]
    [InlineData("postgres://a:1,b:2/db", "a:1,b:2", 5432, "db", null)]
    public void Parse_UriForms_GiveHostPortDatabaseUser(string uri, string host, int port, string? database, string? user)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresTarget.Parse(uri).ConnectionString);

        Assert.Equal(host, builder.Host);
        Assert.Equal(port, builder.Port);
        Assert.Equal(database, builder.Database);
        Assert.Equal(user, builder.Username);
    }

    [Theory]
    [InlineData("Host=h;Password=abc;Database=x", "Host=h;Password=***;Database=x")]
    [InlineData("host=h;password = 'a;b';x=1", "host=h;password = ***;x=1")]
    [InlineData("SSL Password=abc", "SSL Password=***")]
    [InlineData("Host=h;PWD=abc;Bogus=1", "Host=h;PWD=***;Bogus=1")]
    [InlineData("Host=h; psw = \"a;b\"", "Host=h; psw = ***")]
    [InlineData("postgresql://u:abc@h/x", "postgresql://u:***@h/x")]
    [InlineData("no secrets here", "no secrets here")]
    public void Redact_Text_MasksPasswords(string text, string expected)
    {
        Assert.Equal(expected, PostgresTarget.Redact(text));
    }

    [Fact]
    public void Migrations_TranslatedForPostgres_KeepVersionsAndUseServerTypes()
    {
        Assert.Equal(SchemaMigrations.All.Select(m => m.Version), PostgresDialect.Migrations.Select(m => m.Version));
        var ddl = string.Join("\n", PostgresDialect.Migrations.SelectMany(m => m.Statements));
        Assert.DoesNotContain("INTEGER", ddl, StringComparison.Ordinal);
        Assert.DoesNotContain(" REAL", ddl, StringComparison.Ordinal);
        Assert.DoesNotContain("BLOB", ddl, StringComparison.Ordinal);
        Assert.Contains("payload BYTEA NOT NULL", ddl, StringComparison.Ordinal);
        Assert.Contains("seed TEXT NOT NULL", ddl, StringComparison.Ordinal);
        Assert.Contains("max_distance_km DOUBLE PRECISION NULL", ddl, StringComparison.Ordinal);
    }
}
