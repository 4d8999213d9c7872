using Measure.Contracts;
using Measure.Statistics.Detection;
using Measure.Storage.Queries;

namespace Measure.Server.Components.Trends;

/// <summary>A detected step in a trend: where it happened, the runs either side, and whether it is worse.</summary>
public sealed record TrendChange(int Index, DateTime AtUtc, Guid RunBefore, Guid RunAfter, double MedianBefore, double MedianAfter, bool IsRegression)
{
    public double RelativeChange => MedianBefore == 0 ? double.NaN : (MedianAfter - MedianBefore) / Math.Abs(MedianBefore);
}

/// <summary>One comparability key's values on one device over time, oldest first, with its change points.</summary>
public sealed record TrendSeries(
    string ComparabilityKey,
    string Label,
    MetricDeclaration? Declaration,
    IReadOnlyList<(DateTime AtUtc, double Value, Guid RunId)> Points,
    IReadOnlyList<TrendChange> Changes)
{
    /// <summary>
    /// Splits results (any order) into one series per comparability key and device (only comparable results share
    /// a line, and two boards of one model are still two lines) and runs change-point detection on each; a change is a regression when it moves the declared wrong way.
    /// </summary>
    public static IReadOnlyList<TrendSeries> Build(IEnumerable<ResultRow> rows, Dashboards.MetricReference metric, ChangePointOptions options)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(options);
        var series = new List<TrendSeries>();
        foreach (var key in rows.GroupBy(r => (r.ComparabilityKey, r.DeviceId)))
        {
            var ordered = key.OrderBy(r => r.StartedAtUtc).ThenBy(r => r.RunId)
                .Select(r => (Row: r, Value: metric.ValueIn(r)))
                .Where(p => p.Value is { } v && double.IsFinite(v))
                .ToList();
            if (ordered.Count == 0)
                continue;
            var first = ordered[0].Row;
            var declaration = metric.Find(first) is { } summary ? first.Declaration(summary.Metric) : null;
            var points = ordered.Select(p => (p.Row.StartedAtUtc, p.Value!.Value, p.Row.RunId)).ToList();
            var changes = ordered.Count >= 2 * options.MinSegmentLength
                ? ChangePointDetector.Detect(points.Select(p => p.Item2).ToList(), options)
                : [];
            var lowerIsBetter = declaration?.Direction != MetricDirection.HigherIsBetter;
            series.Add(new TrendSeries(
                key.Key.ComparabilityKey,
                $"{first.Workload} {first.Precision} ×{first.Threads} on {first.DeviceName}",
                declaration,
                points,
                changes.Select(c => new TrendChange(c.Index, points[c.Index].StartedAtUtc, points[c.Index - 1].RunId, points[c.Index].RunId,
                    c.MedianBefore, c.MedianAfter, lowerIsBetter ? c.MedianAfter > c.MedianBefore : c.MedianAfter < c.MedianBefore)).ToList()));
        }
        return series.OrderBy(s => s.Label, StringComparer.Ordinal).ToList();
    }
}
