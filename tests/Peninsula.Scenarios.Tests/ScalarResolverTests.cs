using Peninsula.Scenarios.Yaml;

namespace Peninsula.Scenarios.Tests;

/// <summary>Plain scalars are typed by the YAML 1.2 core schema; quoted ones are always text.</summary>
public sealed class ScalarResolverTests
{
    private static readonly Origin Here = new("x.yaml", 1);

    [Theory]
    [InlineData("", "Null")]
    [InlineData("~", "Null")]
    [InlineData("null", "Null")]
    [InlineData("true", "Boolean")]
    [InlineData("False", "Boolean")]
    [InlineData("48", "Integer")]
    [InlineData("-3", "Integer")]
    [InlineData("0.5", "Float")]
    [InlineData("-.5", "Float")]
    [InlineData("1e3", "Float")]
    [InlineData("yes", "String")]
    [InlineData("no", "String")]
    [InlineData("2021-01", "String")]
    [InlineData("2021-01-20", "String")]
    [InlineData("0x1F", "String")]
    [InlineData(".inf", "String")]
    [InlineData("1e999", "String")]
    [InlineData("pressure->engagement", "String")]
    public void Resolve_PlainScalar_HasCoreSchemaType(string text, string kind) =>
        Assert.Equal(Enum.Parse<ScalarKind>(kind), ScalarResolver.Resolve(Here, text, plain: true).Kind);

    [Theory]
    [InlineData("48")]
    [InlineData("true")]
    [InlineData("null")]
    public void Resolve_QuotedScalar_IsText(string text) =>
        Assert.Equal(ScalarKind.String, ScalarResolver.Resolve(Here, text, plain: false).Kind);

    [Fact]
    public void Resolve_Number_KeepsItsValue()
    {
        Assert.Equal(-0.66, ScalarResolver.Resolve(Here, "-0.66", plain: true).Number);
        Assert.True(ScalarResolver.Resolve(Here, "true", plain: true).Flag);
    }
}
