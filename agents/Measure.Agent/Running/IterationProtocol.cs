using System.Diagnostics;
using Measure.Workloads.Micro;

namespace Measure.Agent.Running;

/// <summary>
/// Warm-up iterations (discarded), then timed iterations, each sample kept. Timing uses the
/// monotonic high-resolution clock around exactly one iteration.
/// </summary>
public static class IterationProtocol
{
    public sealed record Result(IReadOnlyList<double> LatenciesMs, int WarmupIterations);

    public static Result Run(IIterationWorkload workload, int warmupIterations, int iterations, CancellationToken cancellationToken)
    {
        for (var i = 0; i < warmupIterations; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            workload.RunIteration();
        }
        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = Stopwatch.GetTimestamp();
            workload.RunIteration();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return new Result(samples, warmupIterations);
    }
}
