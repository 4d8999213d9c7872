using Measure.Agent.Suites;
using Measure.Statistics.Detection;
using Measure.Workloads.Micro;

namespace Measure.Agent.Running;

/// <summary>
/// Warm-up until the latency series is steady (between the suite's minimum and maximum warm-up), then
/// timed iterations until BOTH the minimum count and the minimum duration are reached. Every sample,
/// warm-up included, is kept; each is the wall time of exactly one iteration.
/// </summary>
public static class IterationProtocol
{
    public sealed record Result(
        IReadOnlyList<double> WarmupLatenciesMs,
        IReadOnlyList<double> LatenciesMs,
        SteadyStateStatus WarmupStatus,
        long WarmupStart,
        long MeasureStart,
        long MeasureEnd)
    {
        public int WarmupIterations => WarmupLatenciesMs.Count;

        /// <summary>Warm-up ran out of budget before the series settled (a fixed warm-up, min = max, never counts).</summary>
        public bool SettledLate(WarmupRules rules) => WarmupStatus == SteadyStateStatus.BudgetExhausted && rules.Max > rules.Min;
    }

    public static Result Run(IIterationWorkload workload, RunRules rules, IterationClock clock, IRunProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(progress);
        var warmup = SteadyWarmup.Run(_ => clock.MillisecondsOf(workload.RunIteration), rules.Warmup, clock, progress, cancellationToken);

        progress.Phase("timed");
        var samples = new List<double>(rules.MinIterations);
        var measureStart = clock.Now();
        var elapsed = 0.0;
        while (samples.Count < rules.MinIterations || elapsed < rules.MinDurationSeconds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            samples.Add(clock.MillisecondsOf(workload.RunIteration));
            elapsed = clock.SecondsBetween(measureStart, clock.Now());
            progress.Iterations(samples.Count, rules.MinIterations, elapsed, EstimateRemaining(samples.Count, elapsed, rules));
        }
        return new Result(warmup.LatenciesMs, samples, warmup.Status, warmup.Start, measureStart, clock.Now());
    }

    /// <summary>Seconds left until both targets are met, at the pace so far.</summary>
    internal static double EstimateRemaining(int done, double elapsedSeconds, RunRules rules)
    {
        var perIteration = done > 0 ? elapsedSeconds / done : 0;
        var byCount = Math.Max(0, rules.MinIterations - done) * perIteration;
        var byDuration = Math.Max(0, rules.MinDurationSeconds - elapsedSeconds);
        return Math.Max(byCount, byDuration);
    }
}
