using Xunit.Abstractions;
using Xunit.Sdk;

namespace Peninsula.Storage.Tests;

/// <summary>Marks a test class whose tests need the PostgreSQL test server (<see cref="PostgresServer"/>).</summary>
public interface IRequiresPostgres
{
}

/// <summary>
/// A fact of a store contract or of a store's own tests. It runs like <see cref="FactAttribute"/>, except that in
/// a class implementing <see cref="IRequiresPostgres"/> it is skipped when no PostgreSQL server is configured and
/// CI is not true. xunit 2 has no skipping at run time, and a contract's tests are declared once in an abstract
/// base class for every store, so the decision is made at discovery, where the concrete class is known.
/// </summary>
[XunitTestCaseDiscoverer("Peninsula.Storage.Tests.StoreFactDiscoverer", "Peninsula.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute
{
}

/// <summary>The theory counterpart of <see cref="StoreFactAttribute"/>: the whole theory is skipped for the same reason.</summary>
[XunitTestCaseDiscoverer("Peninsula.Storage.Tests.StoreTheoryDiscoverer", "Peninsula.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreTheoryAttribute : TheoryAttribute
{
}

/// <summary>Discovers <see cref="StoreFactAttribute"/> tests.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        StoreSkip.Reason(testMethod) is { } reason
            ? [StoreSkip.TestCase(DiagnosticMessageSink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}

/// <summary>Discovers <see cref="StoreTheoryAttribute"/> tests.</summary>
public sealed class StoreTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        StoreSkip.Reason(testMethod) is { } reason
            ? [StoreSkip.TestCase(DiagnosticMessageSink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}

internal static class StoreSkip
{
    public static string? Reason(ITestMethod testMethod) =>
        typeof(IRequiresPostgres).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType()) ? PostgresServer.SkipReason : null;

    public static IXunitTestCase TestCase(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, string reason) =>
        new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, reason);
}
