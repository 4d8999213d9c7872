using Measure.Agent.Suites;
using Measure.Statistics.Detection;

namespace Measure.Agent.Running.Vision;

/// <summary>
/// The vision run protocol: images one at a time until the per-image latency is steady (between the
/// suite's minimum and maximum warm-up), then whole timed batches until BOTH the suite's minimum of
/// images and its minimum duration are reached. Every image and every batch is timed on the
/// iteration clock, so the timed window lines up with the sensor trace.
/// </summary>
public static class VisionRunLoop
{
    /// <summary>The span of the timed batches; its energy divided by the images is the energy per image.</summary>
    public const string InferencePhase = "inference";

    public sealed record Outcome(
        IReadOnlyList<double> WarmupLatenciesMs,
        IReadOnlyList<double> ImageLatenciesMs,
        IReadOnlyList<double> BatchLatenciesMs,
        SteadyStateStatus WarmupStatus,
        long WarmupStart,
        long MeasureStart,
        long MeasureEnd)
    {
        public int WarmupImages => WarmupLatenciesMs.Count;

        /// <summary>Warm-up ran out of budget before the series settled (a fixed warm-up, min = max, never counts).</summary>
        public bool SettledLate(WarmupRules rules) => WarmupStatus == SteadyStateStatus.BudgetExhausted && rules.Max > rules.Min;
    }

    /// <param name="runImage">Runs the image at the given index of the batch (0 to batch - 1) through the model.</param>
    public static Outcome Run(Action<int> runImage, int batch, RunRules rules, IterationClock clock, IRunProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runImage);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(progress);
        var warmup = SteadyWarmup.Run(i => clock.MillisecondsOf(() => runImage(i % batch)), rules.Warmup, clock, progress, cancellationToken);

        progress.Phase("timed");
        var images = new List<double>(rules.MinIterations + batch);
        var batches = new List<double>();
        var measureStart = clock.Now();
        var elapsed = 0.0;
        while (images.Count < rules.MinIterations || elapsed < rules.MinDurationSeconds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batchStart = clock.Now();
            for (var index = 0; index < batch; index++)
                images.Add(clock.MillisecondsOf(() => runImage(index)));
            var batchEnd = clock.Now();
            batches.Add(clock.SecondsBetween(batchStart, batchEnd) * 1000.0);
            elapsed = clock.SecondsBetween(measureStart, batchEnd);
            progress.Iterations(images.Count, rules.MinIterations, elapsed, IterationProtocol.EstimateRemaining(images.Count, elapsed, rules));
        }
        return new Outcome(warmup.LatenciesMs, images, batches, warmup.Status, warmup.Start, measureStart, clock.Now());
    }
}
