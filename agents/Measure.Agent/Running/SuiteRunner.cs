using System.Globalization;
using Measure.Agent.Suites;
using Measure.Contracts;
using Measure.Statistics.Descriptive;
using Measure.Workloads.Micro;

namespace Measure.Agent.Running;

/// <summary>Runs every workload of a suite and assembles the run report.</summary>
public sealed class SuiteRunner(TimeProvider clock)
{
    public RunReport Run(SuiteDefinition suite, DeviceFingerprint device, IReadOnlyDictionary<string, string>? labels,
        Action<string>? progress, CancellationToken cancellationToken)
    {
        WorkloadFactory.Validate(suite);
        var startedAt = clock.GetUtcNow();
        var results = new List<WorkloadResult>();
        foreach (var create in WorkloadFactory.Expand(suite))
        {
            using var workload = create();
            progress?.Invoke($"{workload.Name} {workload.Precision} ({workload.Threads} thread(s), {workload.Isa}): {suite.Rules.Iterations} iterations");
            var measured = IterationProtocol.Run(workload, suite.Rules.WarmupIterations, suite.Rules.Iterations, cancellationToken);
            results.Add(ToResult(workload, measured, device.Limits));
        }
        return new RunReport(
            SchemaVersion: ProtocolVersion.RunReportSchema,
            RunId: Guid.NewGuid(),
            StartedAt: startedAt,
            FinishedAt: clock.GetUtcNow(),
            Device: device,
            Suite: new SuiteRef(suite.Id, suite.Version, suite.ContentHash),
            Metrics: StandardMetrics.All,
            Workloads: results,
            Labels: labels);
    }

    internal static WorkloadResult ToResult(IIterationWorkload workload, IterationProtocol.Result measured, DeviceLimits? limits)
    {
        var medianSeconds = Quantiles.Median(measured.LatenciesMs) / 1000.0;
        var bandwidth = workload.WeightBytesPerIteration / medianSeconds / 1e9;
        var parameters = new Dictionary<string, string>(workload.Parameters)
        {
            ["warmup_iterations"] = measured.WarmupIterations.ToString(CultureInfo.InvariantCulture),
        };
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
                RooflineFraction(bandwidth, workload.Threads, limits),
            ]);
    }

    private static MetricValue RooflineFraction(double bandwidth, int threads, DeviceLimits? limits)
    {
        var limit = threads == 1 ? limits?.ReadBandwidthGBps1Thread : limits?.ReadBandwidthGBpsAllThreads;
        return limit is { } gbps
            ? new MetricValue(StandardMetrics.RooflineFraction.Name, bandwidth / gbps, Source: $"vs probed read bandwidth {gbps:0.0} GB/s")
            : new MetricValue(StandardMetrics.RooflineFraction.Name, null, Unavailable: "device read bandwidth not probed (measure-agent probe)");
    }
}
