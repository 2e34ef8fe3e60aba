namespace Peninsula.Storage.Tests;

/// <summary>
/// The PostgreSQL server the tests use: the connection string in <c>PENINSULA_TEST_PG</c> (from <c>.ci/postgres</c>).
/// Without it the PostgreSQL tests are skipped, except under <c>CI=true</c>, where they fail.
/// </summary>
internal static class PostgresServer
{
    public const string Variable = "PENINSULA_TEST_PG";

    /// <summary>The server's connection string, or null when none is configured.</summary>
    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Why PostgreSQL tests are skipped, or null when they run (a server is configured, or CI requires one).</summary>
    public static string? SkipReason =>
        ConnectionString is null && !InCi
            ? $"no PostgreSQL server: set {Variable} (export {Variable}=\"$(.ci/postgres | tail -n 1)\")"
            : null;

    /// <summary>The connection string; fails the test with instructions when CI requires a server and none is configured.</summary>
    public static string Require() => ConnectionString ?? throw new InvalidOperationException(
        $"{Variable} is not set but CI=true, so the PostgreSQL storage tests must run: start a server with " +
        $"`export {Variable}=\"$(.ci/postgres | tail -n 1)\"` before `dotnet test`.");

    private static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
