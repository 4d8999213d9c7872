using System.Text.Json;
using Measure.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Measure.Storage.Queries;

/// <summary>
/// The workload results of the newest runs matching a filter, with their summaries. Reads only summary columns
/// (never sample_series), and parses each distinct metrics declaration once per call.
/// </summary>
public sealed class ResultRowsQuery(MeasureDbContext db)
{
    public const int MaxRuns = 20_000;

    /// <summary>
    /// Results of the newest runs that match: runs are picked first through the (StartedAtUtc, Id) index, then
    /// their workload results are read by run id, so the cost follows <paramref name="runLimit"/>, not the table size.
    /// </summary>
    /// <param name="filter">Which results.</param>
    /// <param name="runLimit">Results of at most this many runs, newest first (1..<see cref="MaxRuns"/>).</param>
    /// <param name="withLimits">Also read each run's probed device limits (roofline figures need them).</param>
    public async Task<IReadOnlyList<ResultRow>> NewestAsync(ResultFilter filter, int runLimit, bool withLimits = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (runLimit is < 1 or > MaxRuns)
            throw new ArgumentOutOfRangeException(nameof(runLimit), runLimit, $"A result query reads the results of between 1 and {MaxRuns} runs.");

        var deviceIds = await DeviceIdsAsync(filter, cancellationToken).ConfigureAwait(false);
        if (deviceIds is { Count: 0 })
            return [];
        var runs = db.Runs.AsNoTracking();
        if (filter.Suite is { } suite)
            runs = runs.Where(r => r.SuiteId == suite);
        if (deviceIds is not null)
            runs = runs.Where(r => deviceIds.Contains(r.DeviceId));
        if (filter.SinceUtc is { } since)
            runs = runs.Where(r => r.StartedAtUtc >= since);
        if (filter.UntilUtc is { } until)
            runs = runs.Where(r => r.StartedAtUtc < until);
        var workload = filter.Workload;
        var precision = filter.Precision;
        if (workload is not null || precision is not null)
        {
            runs = runs.Where(r => db.WorkloadResults.Any(w => w.RunId == r.Id
                && (workload == null || w.Workload == workload) && (precision == null || w.Precision == precision)));
        }
        var picked = await runs
            .OrderByDescending(r => r.StartedAtUtc).ThenByDescending(r => r.Id)
            .Take(runLimit)
            .Select(r => new { r.Id, r.StartedAtUtc, r.DeviceId, r.SuiteId, r.MetricsJson, DeviceJson = withLimits ? r.DeviceJson : null })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (picked.Count == 0)
            return [];

        var runIds = picked.Select(r => r.Id).ToList();
        var results = db.WorkloadResults.AsNoTracking().Where(w => runIds.Contains(w.RunId));
        if (workload is not null)
            results = results.Where(w => w.Workload == workload);
        if (precision is not null)
            results = results.Where(w => w.Precision == precision);
        var rows = await results
            .Select(w => new { w.RunId, w.Ordinal, w.Workload, w.Precision, w.Threads, w.ComparabilityKey, w.SummaryJson })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var byRun = rows.ToLookup(w => w.RunId);
        var usedDevices = picked.Select(r => r.DeviceId).Distinct().ToList();
        var names = await db.Devices.AsNoTracking().Where(d => usedDevices.Contains(d.Id)).Select(d => new { d.Id, d.Name })
            .ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken).ConfigureAwait(false);

        var declarations = new Dictionary<string, IReadOnlyList<MetricDeclaration>>(StringComparer.Ordinal);
        var limits = new Dictionary<string, DeviceLimits?>(StringComparer.Ordinal);
        var output = new List<ResultRow>(rows.Count);
        foreach (var run in picked)
        {
            var metrics = Declarations(declarations, run.MetricsJson);
            var deviceLimits = run.DeviceJson is null ? null : Limits(limits, run.DeviceJson);
            foreach (var w in byRun[run.Id].OrderBy(w => w.Ordinal))
            {
                output.Add(new ResultRow(run.Id, DateTime.SpecifyKind(run.StartedAtUtc, DateTimeKind.Utc), run.DeviceId, names.GetValueOrDefault(run.DeviceId, "?"),
                    run.SuiteId, w.Workload, w.Precision, w.Threads, w.ComparabilityKey, WorkloadSummaries.Deserialize(w.SummaryJson), metrics, deviceLimits));
            }
        }
        return output;
    }

    /// <summary>The devices a filter allows (by name and by agent tag), or null when it does not restrict devices.</summary>
    private async Task<List<long>?> DeviceIdsAsync(ResultFilter filter, CancellationToken cancellationToken)
    {
        List<long>? ids = null;
        if (filter.Device is { } name)
            ids = await db.Devices.AsNoTracking().Where(d => d.Name == name).Select(d => d.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (filter.DeviceTag is { } tag)
        {
            var tagged = await DevicesTaggedAsync(tag, cancellationToken).ConfigureAwait(false);
            ids = ids is null ? tagged : ids.Intersect(tagged).ToList();
        }
        return ids;
    }

    /// <summary>Devices some agent with this tag runs on; tags live on agents, not on runs.</summary>
    private async Task<List<long>> DevicesTaggedAsync(string tag, CancellationToken cancellationToken)
    {
        var agents = await db.Agents.AsNoTracking().Where(a => a.DeviceId != null)
            .Select(a => new { a.DeviceId, a.TagsJson }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return agents.Where(a => Fleet.JsonText.ReadTags(a.TagsJson).Contains(tag, StringComparer.Ordinal))
            .Select(a => a.DeviceId!.Value).Distinct().ToList();
    }

    private static IReadOnlyList<MetricDeclaration> Declarations(Dictionary<string, IReadOnlyList<MetricDeclaration>> cache, string json)
    {
        if (!cache.TryGetValue(json, out var parsed))
        {
            parsed = JsonSerializer.Deserialize(json, MeasureJson.Context.IReadOnlyListMetricDeclaration) ?? [];
            cache[json] = parsed;
        }
        return parsed;
    }

    private static DeviceLimits? Limits(Dictionary<string, DeviceLimits?> cache, string json)
    {
        if (!cache.TryGetValue(json, out var parsed))
        {
            parsed = JsonSerializer.Deserialize(json, MeasureJson.Context.DeviceFingerprint)?.Limits;
            cache[json] = parsed;
        }
        return parsed;
    }
}
