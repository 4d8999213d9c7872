using Measure.Contracts;
using Measure.Statistics.Noise;

namespace Measure.Cli.Gate;

/// <summary>
/// Earlier runs' samples, indexed by (comparability key, metric), from which each comparison learns the run-to-run
/// noise of its device and workload. Runs being compared are left out: history is what came before them.
/// </summary>
public sealed class HistoryIndex
{
    private readonly Dictionary<(string Key, string Metric), List<IReadOnlyList<double>>> series = [];

    public static HistoryIndex Empty { get; } = new([], []);

    public HistoryIndex(IEnumerable<RunReport> history, IEnumerable<Guid> excludedRunIds)
    {
        ArgumentNullException.ThrowIfNull(history);
        var excluded = excludedRunIds.ToHashSet();
        var seen = new HashSet<Guid>();
        foreach (var run in history)
        {
            if (excluded.Contains(run.RunId) || !seen.Add(run.RunId))
                continue;
            RunCount++;
            foreach (var workload in run.Workloads)
            {
                var key = ComparabilityKey.Compute(workload, run.Device, run.Suite);
                foreach (var sample in workload.Samples.Where(s => s.Values.Count > 0))
                {
                    if (!series.TryGetValue((key, sample.Metric), out var runs))
                        series[(key, sample.Metric)] = runs = [];
                    runs.Add(sample.Values);
                }
            }
        }
    }

    public int RunCount { get; }

    /// <summary>The noise model of one key and metric, or null when no earlier run has it.</summary>
    public NoiseModel? NoiseFor(string comparabilityKey, string metric) =>
        series.TryGetValue((comparabilityKey, metric), out var runs) ? NoiseModel.FromRuns(runs) : null;
}
