namespace Peninsula.Scenarios.Tests.Support;

/// <summary>
/// The runnable shipped forecast scenarios: every <c>scenarios/*.yaml</c> that has a start (bases have none), except
/// the history replay frame (history.yaml), which describes the whole record by design and is never a forecast:
/// what it reads is cut at the fit's cutoff by the data loader (tested in Peninsula.History.Tests).
/// </summary>
internal static class ShippedScenarios
{
    public static TheoryData<string> Runnable()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Repo.Scenarios, "*.yaml").Order(StringComparer.Ordinal))
        {
            var result = ScenarioLoader.Load(path);
            var isBase = result.Errors.Any(e => e.Path.Length == 0 && e.Message == "required key 'start' is missing");
            if (!isBase && Path.GetFileName(path) != "history.yaml") data.Add(Path.GetFileName(path));
        }
        return data;
    }
}
