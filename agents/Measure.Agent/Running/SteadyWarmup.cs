using Measure.Agent.Suites;
using Measure.Statistics.Detection;

namespace Measure.Agent.Running;

/// <summary>
/// The warm-up every iteration loop shares: time single iterations until the steady-state detector says
/// the series settled, or the suite's maximum warm-up is spent. Every warm-up sample is kept.
/// </summary>
public static class SteadyWarmup
{
    public sealed record Outcome(List<double> LatenciesMs, SteadyStateStatus Status, long Start);

    /// <param name="timeIteration">Runs warm-up iteration i and returns its wall time in milliseconds.</param>
    public static Outcome Run(Func<int, double> timeIteration, WarmupRules rules, IterationClock clock, IRunProgress progress, CancellationToken cancellationToken)
    {
        var detector = new SteadyStateOptions
        {
            MinWarmup = rules.Min,
            MaxWarmup = rules.Max,
            Window = rules.Window,
            RelativeTolerance = rules.RelativeTolerance,
        };
        var start = clock.Now();
        progress.Phase("warm-up");
        var warmup = new List<double>();
        var steady = SteadyStateDetector.Detect(warmup, detector);
        while (!steady.WarmupOver)
        {
            cancellationToken.ThrowIfCancellationRequested();
            warmup.Add(timeIteration(warmup.Count));
            progress.Iterations(warmup.Count, rules.Max, clock.SecondsBetween(start, clock.Now()), null);
            steady = SteadyStateDetector.Detect(warmup, detector);
        }
        return new Outcome(warmup, steady.Status, start);
    }
}
