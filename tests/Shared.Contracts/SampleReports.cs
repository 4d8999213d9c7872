using Measure.Contracts;

namespace Measure.Tests.Shared;

/// <summary>A small, valid report to mutate in tests.</summary>
internal static class SampleReports
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A report with <paramref name="latencies"/> as the latency samples of its one workload.</summary>
    public static RunReport WithLatencies(IReadOnlyList<double> latencies, Guid? runId = null)
    {
        var report = Valid(runId ?? Guid.NewGuid());
        return report with { Workloads = [report.Workloads[0] with { Samples = [new SampleSeries("latency", latencies)] }] };
    }

    public static RunReport Valid(Guid? runId = null) => new(
        SchemaVersion: ProtocolVersion.RunReportSchema,
        RunId: runId ?? Guid.Parse("6f1f3c9e-2f59-4c55-9e43-3d0f6b7a1c01"),
        StartedAt: Now.AddMinutes(-2),
        FinishedAt: Now.AddMinutes(-1),
        Device: new DeviceFingerprint("Debian GNU/Linux 12", "6.1.0", "X64", "AMD EPYC", 2, ["avx2", "fma"], 24L << 30, "10.0.12", "0.1.0"),
        Suite: new SuiteRef("quick", 1, new string('a', 64)),
        Metrics: StandardMetrics.All,
        Workloads:
        [
            new WorkloadResult("gemv", "f32", "avx2", 1, new Dictionary<string, string> { ["rows"] = "1024", ["cols"] = "1024" },
                [new SampleSeries("latency", [1.5, 1.25, 1.75])],
                [new MetricValue("weight_bandwidth", 3.1), new MetricValue("roofline_fraction", null, Unavailable: "device not probed")]),
        ],
        Labels: new Dictionary<string, string> { ["branch"] = "main" });
}
