using System.Globalization;
using Measure.Contracts;
using Measure.Statistics.Descriptive;

namespace Measure.Cli.Exports;

/// <summary>
/// Runs flattened into rows, one shape for CSV and JSON alike. Values are strings, numbers (double/int) or null.
/// Pure: reports in, table out.
/// </summary>
public sealed record ExportTable(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows)
{
    private static readonly string[] RunColumns =
        ["run_id", "started_at", "suite", "suite_version", "device", "cpu", "labels", "workload", "precision", "isa", "threads", "parameters", "comparability_key", "metric", "unit", "direction"];

    public static ExportTable From(IEnumerable<RunReport> runs, ExportGranularity granularity)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var columns = granularity == ExportGranularity.Sample
            ? [.. RunColumns, "kind", "index", "value", "unavailable"]
            : RunColumns.Concat(["kind", "count", "aggregation", "aggregate", "median", "mean", "min", "max", "unavailable"]).ToArray();
        var rows = new List<object?[]>();
        foreach (var run in runs)
        {
            var declared = run.Metrics.ToDictionary(m => m.Name, StringComparer.Ordinal);
            foreach (var workload in run.Workloads)
            {
                var key = ComparabilityKey.Compute(workload, run.Device, run.Suite);
                object?[] Prefix(string metric)
                {
                    var declaration = declared.GetValueOrDefault(metric);
                    return
                    [
                        run.RunId.ToString(), run.StartedAt.ToString("O", CultureInfo.InvariantCulture), run.Suite.Id, run.Suite.Version,
                        ComparabilityKey.DeviceModel(run.Device), run.Device.CpuModel, Pairs(run.Labels), workload.Workload, workload.Precision,
                        workload.Isa, workload.Threads, Pairs(workload.Parameters), key, metric, declaration?.Unit,
                        declaration is null ? null : declaration.Direction == MetricDirection.LowerIsBetter ? "lowerIsBetter" : "higherIsBetter",
                    ];
                }
                foreach (var series in workload.Samples)
                {
                    if (granularity == ExportGranularity.Sample)
                    {
                        for (var i = 0; i < series.Values.Count; i++)
                            rows.Add([.. Prefix(series.Metric), "sample", i, series.Values[i], null]);
                    }
                    else if (series.Values.Count > 0)
                    {
                        var aggregation = declared.GetValueOrDefault(series.Metric)?.Aggregation ?? MetricAggregation.Median;
                        rows.Add([.. Prefix(series.Metric), "samples", series.Values.Count, Name(aggregation), Aggregate(series.Values, aggregation),
                            Quantiles.Median(series.Values), series.Values.Average(), series.Values.Min(), series.Values.Max(), null]);
                    }
                }
                foreach (var value in workload.Values ?? [])
                {
                    rows.Add(granularity == ExportGranularity.Sample
                        ? [.. Prefix(value.Metric), "value", 0, value.Value, value.Unavailable]
                        : [.. Prefix(value.Metric), "value", value.Value is null ? 0 : 1, "value", value.Value, value.Value, value.Value, value.Value, value.Value, value.Unavailable]);
                }
            }
        }
        return new ExportTable(columns, rows);
    }

    private static double Aggregate(IReadOnlyList<double> values, MetricAggregation aggregation) => aggregation switch
    {
        MetricAggregation.Mean => values.Average(),
        MetricAggregation.Sum => values.Sum(),
        MetricAggregation.Max => values.Max(),
        MetricAggregation.Last => values[^1],
        _ => Quantiles.Median(values),
    };

    private static string Name(MetricAggregation aggregation) => aggregation.ToString().ToLowerInvariant();

    // "k=v;k2=v2", sorted so the same run always exports the same text.
    private static string Pairs(IReadOnlyDictionary<string, string>? pairs) =>
        pairs is null ? "" : string.Join(';', pairs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
