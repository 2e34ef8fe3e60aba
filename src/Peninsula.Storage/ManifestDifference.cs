namespace Peninsula.Storage;

/// <summary>Finds which identifying fields of two manifests disagree.</summary>
internal static class ManifestDifference
{
    /// <summary>
    /// Names of the fields that differ, in declaration order. <see cref="RunManifest.CommandLine"/> is
    /// ignored because a resumed run is typically started by a different command line, and
    /// <see cref="RunManifest.Kind"/> because the same simulation asked for by another verb (a <c>run</c>, then a
    /// <c>compare</c> or a report with the same settings) is the same run: the first kind stored is kept.
    /// </summary>
    public static IReadOnlyList<string> Fields(RunManifest stored, RunManifest offered)
    {
        var differing = new List<string>();
        Check(stored.RunId, offered.RunId, nameof(RunManifest.RunId));
        Check(stored.Scenario, offered.Scenario, nameof(RunManifest.Scenario));
        Check(stored.ScenarioSha256, offered.ScenarioSha256, nameof(RunManifest.ScenarioSha256));
        Check(stored.ScenarioText, offered.ScenarioText, nameof(RunManifest.ScenarioText));
        Check(stored.Policy, offered.Policy, nameof(RunManifest.Policy));
        Check(stored.Seed, offered.Seed, nameof(RunManifest.Seed));
        Check(stored.Runs, offered.Runs, nameof(RunManifest.Runs));
        Check(stored.Months, offered.Months, nameof(RunManifest.Months));
        Check(stored.ParameterDraws, offered.ParameterDraws, nameof(RunManifest.ParameterDraws));
        Check(stored.BatchSize, offered.BatchSize, nameof(RunManifest.BatchSize));
        Check(stored.CodeVersion, offered.CodeVersion, nameof(RunManifest.CodeVersion));
        return differing;

        void Check<T>(T a, T b, string name)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b))
                differing.Add(name);
        }
    }
}
