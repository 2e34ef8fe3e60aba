namespace Peninsula.Scenarios.Tests.Support;

/// <summary>The runnable shipped scenarios: every <c>scenarios/*.yaml</c> that has a start (bases have none).</summary>
internal static class ShippedScenarios
{
    public static TheoryData<string> Runnable()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Repo.Scenarios, "*.yaml").Order(StringComparer.Ordinal))
        {
            var result = ScenarioLoader.Load(path);
            var isBase = result.Errors.Any(e => e.Path.Length == 0 && e.Message == "required key 'start' is missing");
            if (!isBase) data.Add(Path.GetFileName(path));
        }
        return data;
    }
}
