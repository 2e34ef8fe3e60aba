using System.Globalization;
using Peninsula.Scenarios.Yaml;

namespace Peninsula.Scenarios.Semantics;

internal sealed partial class SemanticValidator
{
    /// <summary>Schedules belong to declared actors; terms are ordered and consistent; successors are well formed.</summary>
    private void CheckAdministrations()
    {
        if (_doc.Find("administrations") is not { Value: YMap schedules } section) return;
        var known = _roles.Actors?.Entries.Select(e => e.Key).ToArray() ?? [];
        foreach (var schedule in schedules.Entries)
        {
            var path = ScenarioPath.Key("administrations", schedule.Key);
            if (_roles.Actors is not null && !_roles.IsDeclared(schedule.Key))
            {
                Error(schedule.KeyOrigin, path, $"'{schedule.Key}' is not a declared actor{Suggestions.Hint(schedule.Key, known)}");
            }
            if (schedule.Value is YMap fields) CheckSchedule(schedule, fields, path);
        }
        if (_roles.Single("principal") is { } principal && schedules.Find(principal) is null)
        {
            Error(section.KeyOrigin, "administrations", $"the principal '{principal}' has no administration");
        }
    }

    private void CheckSchedule(YEntry schedule, YMap fields, string path)
    {
        var termsPath = ScenarioPath.Key(path, "terms");
        var terms = new List<(YMap Map, string Path, DateText? Start, DateText? End)>();
        if (fields.List("terms") is { } list)
        {
            for (var i = 0; i < list.Items.Count; i++)
            {
                if (list.Items[i] is not YMap term) continue;
                var termPath = ScenarioPath.Index(termsPath, i);
                var start = Date(term, "start", termPath);
                var end = Date(term, "end", termPath);
                var elected = Date(term, "elected", termPath);
                if (start is { } s && end is { } e && e.CompareTo(s) <= 0)
                    Error(At(term, "end"), ScenarioPath.Key(termPath, "end"), $"the term ends ({e}) before it starts ({s})");
                if (start is { } s2 && elected is { } el && el.CompareTo(s2) > 0)
                    Error(At(term, "elected"), ScenarioPath.Key(termPath, "elected"), $"elected {el}, after the term starts ({s2})");
                terms.Add((term, termPath, start, end));
            }
        }

        for (var i = 1; i < terms.Count; i++)
        {
            var (previous, current) = (terms[i - 1], terms[i]);
            if (previous.Start is { } ps && current.Start is { } cs && cs.CompareTo(ps) <= 0)
            {
                Error(At(current.Map, "start"), ScenarioPath.Key(current.Path, "start"), $"terms must be in order: this one starts ({cs}) no later than the previous one ({ps})");
            }
            else if (previous.End is null && previous.Start is not null && current.Start is not null)
            {
                Error(previous.Map.Origin, previous.Path, "a term without an end cannot be followed by another term");
            }
            else if (previous.End is { } pe && current.Start is { } cs2 && cs2.CompareTo(pe) < 0)
            {
                Error(At(current.Map, "start"), ScenarioPath.Key(current.Path, "start"), $"this term starts ({cs2}) before the previous one ends ({pe}): terms overlap");
            }
        }

        var last = terms.Count > 0 ? terms[^1] : default;
        if (schedule.Key == _roles.Single("principal") && _start is { } scenarioStart && terms.Count > 0 && terms[0].Start is { } firstStart && firstStart.Month > scenarioStart)
        {
            Error(At(terms[0].Map, "start"), ScenarioPath.Key(terms[0].Path, "start"), $"no government of '{schedule.Key}' is in office at the scenario start ({scenarioStart})");
        }

        var successorEntry = fields.Find("successor");
        if (successorEntry?.Value is YMap successor)
        {
            CheckSuccessor(successorEntry, successor, ScenarioPath.Key(path, "successor"), terms.Count > 0 ? last : null);
        }
        else if (terms.Count > 0 && last.End is { } lastEnd && End is { } horizonEnd && lastEnd.Month < horizonEnd)
        {
            Error(schedule.KeyOrigin, path,
                $"the scenario runs to {horizonEnd.Plus(-1)} but the last known term of '{schedule.Key}' ends {lastEnd} and no successor is given");
        }
    }

    private void CheckSuccessor(YEntry entry, YMap successor, string path, (YMap Map, string Path, DateText? Start, DateText? End)? last)
    {
        if (last is null || (last.Value.End is null && last.Value.Map.Find("end") is null))
        {
            Error(entry.KeyOrigin, path, "a successor needs the last known term to have an end (when the successor takes office)");
        }
        var election = Date(successor, "election", path);
        if (election is { } e && last is { End: { } end } && e.CompareTo(end) > 0)
            Error(At(successor, "election"), ScenarioPath.Key(path, "election"), $"the election ({e}) is after the last known term ends ({end})");
        if (election is { } e2 && last is { Start: { } start } && e2.CompareTo(start) <= 0)
            Error(At(successor, "election"), ScenarioPath.Key(path, "election"), $"the election ({e2}) is before the last known term starts ({start})");

        if (successor.List("options") is { Items.Count: > 0 } options)
        {
            var probabilities = options.Items.OfType<YMap>().Select(o => o.Number("p")).ToArray();
            if (probabilities.All(p => p is not null))
            {
                var sum = probabilities.Sum(p => p!.Value);
                if (Math.Abs(sum - 1) > 1e-9)
                {
                    Error(At(successor, "options"), ScenarioPath.Key(path, "options"),
                        $"successor probabilities sum to {sum.ToString("0.######", CultureInfo.InvariantCulture)}, not 1");
                }
            }
        }
    }
}
