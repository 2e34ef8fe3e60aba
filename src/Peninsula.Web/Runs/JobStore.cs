using System.Text.Json;
using System.Text.Json.Serialization;
using Peninsula.Web.Infrastructure;

namespace Peninsula.Web.Runs;

/// <summary>Job records as JSON files in the data folder (written atomically), so jobs and their results survive a restart.</summary>
public sealed class JobStore(DataFolder data)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly Lock _gate = new();

    /// <summary>Writes the record, replacing any earlier version.</summary>
    public void Save(JobRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var file = data.JobFile(record.Id);
        var text = JsonSerializer.Serialize(record, Json);
        lock (_gate)
        {
            var temp = file + ".tmp";
            File.WriteAllText(temp, text);
            File.Move(temp, file, overwrite: true);
        }
    }

    /// <summary>Removes the record of job <paramref name="id"/> (a job that never got into the queue).</summary>
    public void Delete(string id)
    {
        lock (_gate) File.Delete(data.JobFile(id));
    }

    /// <summary>The record of job <paramref name="id"/>, or null (also for an id that is not a hex id).</summary>
    public JobRecord? Load(string? id)
    {
        if (!DataFolder.IsId(id)) return null;
        var file = data.JobFile(id!);
        if (!File.Exists(file)) return null;
        try
        {
            return JsonSerializer.Deserialize<JobRecord>(File.ReadAllText(file), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The newest <paramref name="count"/> records, newest first.</summary>
    public IReadOnlyList<JobRecord> Newest(int count)
    {
        var files = new DirectoryInfo(data.Jobs).GetFiles("*.json").OrderByDescending(f => f.LastWriteTimeUtc).Take(Math.Max(0, count) * 2);
        return [.. files.Select(f => Load(Path.GetFileNameWithoutExtension(f.Name))).OfType<JobRecord>().OrderByDescending(r => r.Created).Take(count)];
    }

    /// <summary>Records of jobs that were queued or running when the app last stopped.</summary>
    public IReadOnlyList<JobRecord> Unfinished() =>
        [.. new DirectoryInfo(data.Jobs).GetFiles("*.json").Select(f => Load(Path.GetFileNameWithoutExtension(f.Name)))
            .OfType<JobRecord>().Where(r => r.State is JobState.Queued or JobState.Running).OrderBy(r => r.Created)];
}
