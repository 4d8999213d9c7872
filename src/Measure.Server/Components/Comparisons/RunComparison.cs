using Measure.Contracts;
using Measure.Statistics.Comparison;

namespace Measure.Server.Components.Comparisons;

/// <summary>
/// Compares each candidate run with the baseline, workload by workload and metric by metric. Workloads pair by
/// name, parameters, threads and precision; a workload left unpaired pairs ignoring precision when exactly one
/// candidate is left, which is how two precisions of one model are compared. Sampled metrics use the rank-based
/// sample comparison; single values use the threshold rule. Direction always comes from the declaration.
/// </summary>
public static class RunComparison
{
    public const double PracticalThreshold = 0.02;

    public static IReadOnlyList<MetricComparison> Compare(RunReport baseline, IReadOnlyList<RunReport> candidates)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidates);
        var comparisons = new List<MetricComparison>();
        foreach (var candidate in candidates)
        {
            var label = $"{candidate.Device.Hostname ?? candidate.Device.CpuModel} {candidate.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm}";
            foreach (var (before, after) in Pair(baseline.Workloads, candidate.Workloads))
            {
                var name = after.Precision == before.Precision ? $"{before.Workload} {before.Precision} ×{before.Threads}" : $"{before.Workload} {before.Precision}→{after.Precision} ×{before.Threads}";
                foreach (var metric in MetricNames(before, after))
                {
                    var declaration = candidate.Metrics.FirstOrDefault(m => m.Name == metric) ?? baseline.Metrics.FirstOrDefault(m => m.Name == metric);
                    comparisons.Add(CompareMetric(name, metric, declaration, before, after, candidate.RunId, label));
                }
            }
        }
        return comparisons;
    }

    private static MetricComparison CompareMetric(string workload, string metric, MetricDeclaration? declaration, WorkloadResult before, WorkloadResult after, Guid run, string label)
    {
        MetricComparison Skip(string why) => new(workload, metric, declaration, run, label, null, why);
        if (declaration is null)
            return Skip("the metric is not declared by either run");
        var lowerIsBetter = declaration.Direction == MetricDirection.LowerIsBetter;
        var samplesBefore = before.Samples.FirstOrDefault(s => s.Metric == metric)?.Values;
        var samplesAfter = after.Samples.FirstOrDefault(s => s.Metric == metric)?.Values;
        if (samplesBefore is { Count: >= SampleComparison.MinimumSamplesPerSide } && samplesAfter is { Count: >= SampleComparison.MinimumSamplesPerSide })
        {
            var result = SampleComparison.Compare(samplesBefore, samplesAfter, new ComparisonOptions { LowerIsBetter = lowerIsBetter, PracticalThreshold = PracticalThreshold });
            return new(workload, metric, declaration, run, label, result, null);
        }
        var valueBefore = before.Values?.FirstOrDefault(v => v.Metric == metric);
        var valueAfter = after.Values?.FirstOrDefault(v => v.Metric == metric);
        if (valueBefore?.Value is { } b && valueAfter?.Value is { } a)
        {
            var result = SingleValueComparison.Compare(b, a, new SingleValueOptions { LowerIsBetter = lowerIsBetter, RelativeThreshold = PracticalThreshold });
            return new(workload, metric, declaration, run, label, result, null);
        }
        return Skip(valueBefore?.Unavailable ?? valueAfter?.Unavailable ?? "missing or too few samples on one side");
    }

    private static IEnumerable<string> MetricNames(WorkloadResult before, WorkloadResult after) =>
        before.Samples.Select(s => s.Metric).Concat((before.Values ?? []).Select(v => v.Metric))
            .Intersect(after.Samples.Select(s => s.Metric).Concat((after.Values ?? []).Select(v => v.Metric)), StringComparer.Ordinal);

    private static List<(WorkloadResult Before, WorkloadResult After)> Pair(IReadOnlyList<WorkloadResult> baseline, IReadOnlyList<WorkloadResult> candidate)
    {
        var pairs = new List<(WorkloadResult, WorkloadResult)>();
        var leftBefore = baseline.ToList();
        var leftAfter = candidate.ToList();
        foreach (var before in baseline)
        {
            var match = leftAfter.FirstOrDefault(a => SameSetup(before, a) && a.Precision == before.Precision);
            if (match is null)
                continue;
            pairs.Add((before, match));
            leftBefore.Remove(before);
            leftAfter.Remove(match);
        }
        foreach (var before in leftBefore)
        {
            var matches = leftAfter.Where(a => SameSetup(before, a)).ToList();
            if (matches.Count != 1)
                continue;
            pairs.Add((before, matches[0]));
            leftAfter.Remove(matches[0]);
        }
        return pairs;
    }

    private static bool SameSetup(WorkloadResult a, WorkloadResult b) =>
        a.Workload == b.Workload && a.Threads == b.Threads && a.Parameters.Count == b.Parameters.Count
        && a.Parameters.All(p => b.Parameters.TryGetValue(p.Key, out var v) && v == p.Value);
}
