using System.Text.Json;
using System.Text.Json.Serialization;
using Measure.Contracts;
using Measure.Statistics.Descriptive;

namespace Measure.Storage;

/// <summary>Computes and (de)serializes the per-metric summaries stored with each workload result.</summary>
public static class WorkloadSummaries
{
    public static IReadOnlyList<MetricSummary> Compute(WorkloadResult workload)
    {
        var summaries = new List<MetricSummary>();
        foreach (var series in workload.Samples)
        {
            if (series.Values.Count == 0)
            {
                summaries.Add(new MetricSummary(series.Metric, 0, Unavailable: "no samples"));
                continue;
            }
            var sorted = series.Values.ToArray();
            Array.Sort(sorted);
            summaries.Add(new MetricSummary(
                series.Metric,
                sorted.Length,
                Median: Quantiles.Type7Sorted(sorted, 0.5),
                P90: Quantiles.Type7Sorted(sorted, 0.9),
                P99: Quantiles.Type7Sorted(sorted, 0.99),
                Mean: sorted.Average(),
                Min: sorted[0],
                Max: sorted[^1]));
        }
        foreach (var value in workload.Values ?? [])
            summaries.Add(new MetricSummary(value.Metric, value.Value is null ? 0 : 1, Value: value.Value, Unavailable: value.Unavailable, Source: value.Source, RelativeUncertainty: value.RelativeUncertainty));
        return summaries;
    }

    public static string Serialize(IReadOnlyList<MetricSummary> summaries) => JsonSerializer.Serialize(summaries, SummaryJsonContext.Default.IReadOnlyListMetricSummary);

    public static IReadOnlyList<MetricSummary> Deserialize(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize(json, SummaryJsonContext.Default.IReadOnlyListMetricSummary) ?? [];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyList<MetricSummary>))]
internal sealed partial class SummaryJsonContext : JsonSerializerContext;
