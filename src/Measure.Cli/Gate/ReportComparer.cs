using Measure.Contracts;
using Measure.Statistics.Comparison;
using Measure.Statistics.Descriptive;

namespace Measure.Cli.Gate;

/// <summary>
/// Pairs the workloads of two reports by comparability key and compares every sampled metric with the
/// statistics core, in the direction each metric declares. Pure: reports in, verdicts out.
/// </summary>
public static class ReportComparer
{
    public static GateReport Compare(RunReport baseline, RunReport candidate, double practicalThreshold)
    {
        var baselineByKey = baseline.Workloads.ToDictionary(w => ComparabilityKey.Compute(w, baseline.Device, baseline.Suite));
        var comparisons = new List<GateComparison>();
        var unmatched = new List<string>();
        foreach (var workload in candidate.Workloads)
        {
            var key = ComparabilityKey.Compute(workload, candidate.Device, candidate.Suite);
            if (!baselineByKey.TryGetValue(key, out var reference))
            {
                unmatched.Add($"{workload.Workload} {workload.Precision} x{workload.Threads}: no comparable baseline (key {key})");
                continue;
            }
            foreach (var series in workload.Samples)
            {
                var baseSeries = reference.Samples.FirstOrDefault(s => s.Metric == series.Metric);
                var metric = candidate.Metrics.FirstOrDefault(m => m.Name == series.Metric);
                if (baseSeries is null || metric is null || baseSeries.Values.Count < SampleComparison.MinimumSamplesPerSide || series.Values.Count < SampleComparison.MinimumSamplesPerSide)
                {
                    unmatched.Add($"{workload.Workload} {workload.Precision} x{workload.Threads} {series.Metric}: too few samples on one side");
                    continue;
                }
                var options = new ComparisonOptions
                {
                    LowerIsBetter = metric.Direction == MetricDirection.LowerIsBetter,
                    PracticalThreshold = practicalThreshold,
                };
                comparisons.Add(new GateComparison(
                    ComparabilityKey.DeviceModel(candidate.Device),
                    workload.Workload,
                    workload.Precision,
                    workload.Threads,
                    metric.Name,
                    metric.Unit,
                    baseSeries.Values.Count,
                    series.Values.Count,
                    Quantiles.Median(baseSeries.Values),
                    Quantiles.Median(series.Values),
                    SampleComparison.Compare(baseSeries.Values, series.Values, options)));
            }
        }
        return new GateReport(comparisons, unmatched);
    }
}
