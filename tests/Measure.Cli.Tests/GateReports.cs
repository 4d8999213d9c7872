using Measure.Contracts;
using Measure.Tests.Shared;

namespace Measure.Cli.Tests;

/// <summary>Run reports with seeded log-normal latencies, on a chosen device, for gate tests.</summary>
internal static class GateReports
{
    public static readonly MetricDeclaration Top1Agreement = new("top1_agreement", MetricUnits.Ratio, MetricDirection.HigherIsBetter, MetricAggregation.Mean);

    public static double[] LogNormal(int seed, int count, double center, double spread)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var u1 = 1 - random.NextDouble();
            var u2 = random.NextDouble();
            return center * Math.Exp(spread * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }).ToArray();
    }

    /// <summary>One gemv workload with latency samples (ms) and a top-1 agreement value, on <paramref name="cpu"/>.</summary>
    public static RunReport Run(IReadOnlyList<double> latencies, string cpu = "AMD EPYC", double? top1 = 0.98, DateTimeOffset? startedAt = null, Guid? runId = null)
    {
        var report = SampleReports.Valid(runId ?? Guid.NewGuid());
        var started = startedAt ?? report.StartedAt;
        var values = new List<MetricValue> { new("weight_bandwidth", 3.1, Source: "weight bytes / median latency") };
        if (top1 is { } agreement)
            values.Add(new MetricValue(Top1Agreement.Name, agreement));
        return report with
        {
            StartedAt = started,
            FinishedAt = started.AddMinutes(1),
            Device = report.Device with { CpuModel = cpu },
            Metrics = [.. StandardMetrics.All, Top1Agreement],
            Workloads = [report.Workloads[0] with { Samples = [new SampleSeries("latency", latencies)], Values = values }],
        };
    }
}
