using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Measure.Contracts;

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
            summaries.Add(Summarise(series));
        }
        foreach (var value in workload.Values ?? [])
            summaries.Add(new MetricSummary(value.Metric, value.Value is null ? 0 : 1, Value: value.Value, Unavailable: value.Unavailable, Source: value.Source, RelativeUncertainty: value.RelativeUncertainty));
        return summaries;
    }

    private static readonly double[] QuantileProbabilities = [0.5, 0.9, 0.99];

    private static MetricSummary Summarise(SampleSeries series)
    {
        var count = series.Values.Count;
        // Selection reorders its input: work on a pooled copy, the report stays as received.
        var buffer = ArrayPool<double>.Shared.Rent(count);
        try
        {
            var values = buffer.AsSpan(0, count);
            CopyTo(series.Values, values);
            var (sum, min, max) = (0.0, values[0], values[0]);
            foreach (var value in values)
            {
                sum += value;
                min = Math.Min(min, value);
                max = Math.Max(max, value);
            }
            Span<double> quantiles = stackalloc double[QuantileProbabilities.Length];
            OrderStatistics.Type7(values, QuantileProbabilities, quantiles);
            return new MetricSummary(series.Metric, count, Median: quantiles[0], P90: quantiles[1], P99: quantiles[2], Mean: sum / count, Min: min, Max: max);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    private static void CopyTo(IReadOnlyList<double> source, Span<double> target)
    {
        switch (source)
        {
            case double[] array:
                array.CopyTo(target);
                break;
            case List<double> list:
                CollectionsMarshal.AsSpan(list).CopyTo(target);
                break;
            default:
                for (var i = 0; i < target.Length; i++)
                    target[i] = source[i];
                break;
        }
    }

    public static string Serialize(IReadOnlyList<MetricSummary> summaries) => JsonSerializer.Serialize(summaries, SummaryJsonContext.Default.IReadOnlyListMetricSummary);

    public static IReadOnlyList<MetricSummary> Deserialize(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize(json, SummaryJsonContext.Default.IReadOnlyListMetricSummary) ?? [];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyList<MetricSummary>))]
internal sealed partial class SummaryJsonContext : JsonSerializerContext;
