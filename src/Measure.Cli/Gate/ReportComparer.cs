using Measure.Contracts;
using Measure.Statistics.Comparison;
using Measure.Statistics.Descriptive;

namespace Measure.Cli.Gate;

/// <summary>
/// Pairs the workloads of candidate runs with baseline runs by comparability key (which includes the device model,
/// so runs from several devices gate in one call) and compares every metric in the direction it declares: sampled
/// metrics by ranks (widened by the device's noise history), single values such as accuracy by their threshold.
/// Pure: reports in, verdicts out.
/// </summary>
public static class ReportComparer
{
    public static GateReport Compare(RunReport baseline, RunReport candidate, double practicalThreshold) =>
        Compare([baseline], [candidate], GatePolicy.Standard with { DefaultThreshold = new MetricThreshold(practicalThreshold, false) }, HistoryIndex.Empty);

    public static GateReport Compare(IReadOnlyList<RunReport> baselines, IReadOnlyList<RunReport> candidates, GatePolicy policy, HistoryIndex history)
    {
        ArgumentNullException.ThrowIfNull(baselines);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(history);

        // When several baseline runs share a key (e.g. a folder of reports), the newest one is the baseline.
        var baselineByKey = new Dictionary<string, (RunReport Run, WorkloadResult Workload)>(StringComparer.Ordinal);
        foreach (var run in baselines.OrderBy(r => r.StartedAt))
        {
            foreach (var workload in run.Workloads)
                baselineByKey[ComparabilityKey.Compute(workload, run.Device, run.Suite)] = (run, workload);
        }

        var comparisons = new List<GateComparison>();
        var unmatched = new List<string>();
        var pairedKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in candidates)
        {
            var device = ComparabilityKey.DeviceModel(run.Device);
            foreach (var workload in run.Workloads)
            {
                var key = ComparabilityKey.Compute(workload, run.Device, run.Suite);
                var subject = $"{workload.Workload} {workload.Precision} x{workload.Threads} on {device}";
                if (!baselineByKey.TryGetValue(key, out var reference))
                {
                    unmatched.Add($"{subject}: no comparable baseline (key {key})");
                    continue;
                }
                pairedKeys.Add(key);
                var pair = new Pair(reference.Run, reference.Workload, run, workload, key, device, subject);
                CompareSamples(pair, policy, history, comparisons, unmatched);
                CompareSingleValues(pair, policy, comparisons, unmatched);
            }
        }
        foreach (var (key, (run, workload)) in baselineByKey.Where(b => !pairedKeys.Contains(b.Key)).OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            if (candidates.Count > 0)
                unmatched.Add($"{workload.Workload} {workload.Precision} x{workload.Threads} on {ComparabilityKey.DeviceModel(run.Device)}: in the baseline but not in the candidate (key {key})");
        }
        return new GateReport(comparisons, unmatched);
    }

    private sealed record Pair(RunReport BaselineRun, WorkloadResult Baseline, RunReport CandidateRun, WorkloadResult Candidate, string Key, string Device, string Subject)
    {
        public MetricDeclaration? Metric(string name) =>
            CandidateRun.Metrics.FirstOrDefault(m => m.Name == name) ?? BaselineRun.Metrics.FirstOrDefault(m => m.Name == name);

        public GateComparison Row(MetricDeclaration metric, int baselineCount, int candidateCount, double baselineCenter, double candidateCenter, ComparisonResult result, ComparisonKind kind) =>
            new(Device, Candidate.Workload, Candidate.Precision, Candidate.Threads, metric.Name, metric.Unit, baselineCount, candidateCount,
                baselineCenter, candidateCenter, result, kind, Key, BaselineRun.RunId, CandidateRun.RunId);
    }

    private static void CompareSamples(Pair pair, GatePolicy policy, HistoryIndex history, List<GateComparison> comparisons, List<string> unmatched)
    {
        foreach (var series in pair.Candidate.Samples)
        {
            var baseSeries = pair.Baseline.Samples.FirstOrDefault(s => s.Metric == series.Metric);
            var metric = pair.Metric(series.Metric);
            if (metric is null || baseSeries is null || baseSeries.Values.Count == 0 || series.Values.Count == 0)
            {
                unmatched.Add($"{pair.Subject} {series.Metric}: {(metric is null ? "metric not declared" : "no samples on one side")}");
                continue;
            }
            var lowerIsBetter = metric.Direction == MetricDirection.LowerIsBetter;
            if (baseSeries.Values.Count < SampleComparison.MinimumSamplesPerSide || series.Values.Count < SampleComparison.MinimumSamplesPerSide)
            {
                // One sample a side has no spread to test: fall back to the threshold rule on the means.
                var single = SingleValueComparison.Compare(baseSeries.Values, series.Values, policy.SingleValueOptions(metric.Name, lowerIsBetter));
                comparisons.Add(pair.Row(metric, baseSeries.Values.Count, series.Values.Count, baseSeries.Values.Average(), series.Values.Average(), single, ComparisonKind.SingleValue));
                continue;
            }
            var baselineMedian = Quantiles.Median(baseSeries.Values);
            var options = ComparisonOptions.Default with
            {
                LowerIsBetter = lowerIsBetter,
                PracticalThreshold = policy.RelativeFor(metric.Name, baselineMedian),
                Noise = history.NoiseFor(pair.Key, metric.Name),
            };
            comparisons.Add(pair.Row(metric, baseSeries.Values.Count, series.Values.Count, baselineMedian, Quantiles.Median(series.Values),
                SampleComparison.Compare(baseSeries.Values, series.Values, options), ComparisonKind.Samples));
        }
    }

    private static void CompareSingleValues(Pair pair, GatePolicy policy, List<GateComparison> comparisons, List<string> unmatched)
    {
        foreach (var value in pair.Candidate.Values ?? [])
        {
            if (pair.Candidate.Samples.Any(s => s.Metric == value.Metric))
                continue;
            var metric = pair.Metric(value.Metric);
            if (metric is null)
            {
                unmatched.Add($"{pair.Subject} {value.Metric}: metric not declared");
                continue;
            }
            if (!policy.GatesSingleValue(metric, source => pair.Candidate.Samples.Any(s => s.Metric == source && s.Values.Count > 0)))
                continue;
            var before = pair.Baseline.Values?.FirstOrDefault(v => v.Metric == value.Metric);
            if (value.Value is not { } after || before?.Value is not { } baseValue)
            {
                var why = value.Value is null ? $"candidate: {value.Unavailable}" : before is null ? "baseline has no value" : $"baseline: {before.Unavailable}";
                unmatched.Add($"{pair.Subject} {value.Metric}: unavailable ({why})");
                continue;
            }
            var result = SingleValueComparison.Compare(baseValue, after, policy.SingleValueOptions(metric.Name, metric.Direction == MetricDirection.LowerIsBetter));
            comparisons.Add(pair.Row(metric, 1, 1, baseValue, after, result, ComparisonKind.SingleValue));
        }
    }
}
