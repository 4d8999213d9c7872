using System.Text.Json;
using Measure.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Measure.Storage.Queries;

/// <summary>
/// The newest workload results matching a filter, with their summaries. Reads only summary columns (never
/// sample_series), and parses each distinct metrics declaration once per call.
/// </summary>
public sealed class ResultRowsQuery(MeasureDbContext db)
{
    public const int MaxRows = 20_000;

    /// <param name="filter">Which results.</param>
    /// <param name="limit">At most this many, newest first (1..<see cref="MaxRows"/>).</param>
    /// <param name="withLimits">Also read each run's probed device limits (roofline figures need them).</param>
    public async Task<IReadOnlyList<ResultRow>> NewestAsync(ResultFilter filter, int limit, bool withLimits = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (limit is < 1 or > MaxRows)
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"A result query reads between 1 and {MaxRows} rows.");

        var deviceIds = filter.DeviceTag is { } tag ? await DevicesTaggedAsync(tag, cancellationToken).ConfigureAwait(false) : null;
        var query =
            from w in db.WorkloadResults.AsNoTracking()
            join r in db.Runs.AsNoTracking() on w.RunId equals r.Id
            join d in db.Devices.AsNoTracking() on r.DeviceId equals d.Id
            select new { w, r, d };
        if (filter.Suite is { } suite)
            query = query.Where(x => x.r.SuiteId == suite);
        if (filter.Workload is { } workload)
            query = query.Where(x => x.w.Workload == workload);
        if (filter.Precision is { } precision)
            query = query.Where(x => x.w.Precision == precision);
        if (filter.Device is { } device)
            query = query.Where(x => x.d.Name == device);
        if (deviceIds is not null)
            query = query.Where(x => deviceIds.Contains(x.r.DeviceId));
        if (filter.SinceUtc is { } since)
            query = query.Where(x => x.r.StartedAtUtc >= since);
        if (filter.UntilUtc is { } until)
            query = query.Where(x => x.r.StartedAtUtc < until);

        var rows = await query
            .OrderByDescending(x => x.r.StartedAtUtc).ThenByDescending(x => x.r.Id).ThenBy(x => x.w.Ordinal)
            .Take(limit)
            .Select(x => new
            {
                x.r.Id,
                x.r.StartedAtUtc,
                x.r.DeviceId,
                DeviceName = x.d.Name,
                x.r.SuiteId,
                x.w.Workload,
                x.w.Precision,
                x.w.Threads,
                x.w.ComparabilityKey,
                x.w.SummaryJson,
                x.r.MetricsJson,
                DeviceJson = withLimits ? x.r.DeviceJson : null,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var declarations = new Dictionary<string, IReadOnlyList<MetricDeclaration>>(StringComparer.Ordinal);
        var limits = new Dictionary<string, DeviceLimits?>(StringComparer.Ordinal);
        return rows.Select(x => new ResultRow(
            x.Id,
            DateTime.SpecifyKind(x.StartedAtUtc, DateTimeKind.Utc),
            x.DeviceId,
            x.DeviceName,
            x.SuiteId,
            x.Workload,
            x.Precision,
            x.Threads,
            x.ComparabilityKey,
            WorkloadSummaries.Deserialize(x.SummaryJson),
            Declarations(declarations, x.MetricsJson),
            x.DeviceJson is null ? null : Limits(limits, x.DeviceJson))).ToList();
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
