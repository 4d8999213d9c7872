using Measure.Agent.Suites;
using Measure.Contracts;
using Measure.Statistics.Descriptive;
using Measure.Workloads.Micro;

namespace Measure.Agent.Running;

/// <summary>A workload timed one iteration at a time (GEMV) under the steady-state warm-up and count+duration protocol.</summary>
public sealed class IterationSuiteWorkload(IIterationWorkload workload) : ISuiteWorkload
{
    public string Name => workload.Name;
    public string Precision => workload.Precision;
    public string Isa => workload.Isa;
    public int Threads => workload.Threads;

    public WorkloadMeasurement Measure(RunRules rules, IterationClock clock, DeviceLimits? limits, IRunProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var measured = IterationProtocol.Run(workload, rules, clock, progress, cancellationToken);
        return new WorkloadMeasurement(
            ToResult(workload, measured, limits),
            measured.LatenciesMs,
            workload.OperationsPerIteration,
            measured.WarmupStart,
            measured.MeasureStart,
            measured.MeasureEnd,
            measured.WarmupIterations,
            $"steady-state detector: {measured.WarmupStatus}",
            measured.SettledLate(rules.Warmup),
            [],
            []);
    }

    public void Dispose() => workload.Dispose();

    internal static WorkloadResult ToResult(IIterationWorkload workload, IterationProtocol.Result measured, DeviceLimits? limits)
    {
        var medianSeconds = Quantiles.Median(measured.LatenciesMs) / 1000.0;
        var bandwidth = workload.WeightBytesPerIteration / medianSeconds / 1e9;
        // Only what was asked for goes into the parameters (they form the comparability key); the
        // warm-up count varies run to run and is reported as a value instead.
        var parameters = new Dictionary<string, string>(workload.Parameters);
        return new WorkloadResult(
            workload.Name,
            workload.Precision,
            workload.Isa,
            workload.Threads,
            parameters,
            [new SampleSeries(StandardMetrics.Latency.Name, measured.LatenciesMs)],
            [
                new MetricValue(StandardMetrics.WeightBandwidth.Name, bandwidth, Source: "weight bytes / median latency"),
                new MetricValue(StandardMetrics.Throughput.Name, workload.OperationsPerIteration / medianSeconds / 1e9, Source: "2·rows·cols / median latency"),
                Roofline.Fraction(bandwidth, workload.Threads, limits),
            ]);
    }
}
