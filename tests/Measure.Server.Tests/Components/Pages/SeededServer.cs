using System.Net.Http.Json;
using Measure.Contracts;
using Measure.Server.Tests.Fleet;
using Measure.Tests.Shared;

namespace Measure.Server.Tests.Components.Pages;

/// <summary>
/// One server for the page tests, seeded through the API with runs on two devices (one named with markup),
/// two precisions, probed limits, accuracy, energy and a step in latency, plus an enrolled agent.
/// </summary>
public sealed class SeededServer : IAsyncLifetime
{
    public const string Hostile = "<script>alert(1)</script>";

    public RunningServer Server { get; private set; } = null!;
    public List<RunReport> Runs { get; } = [];

    public async Task InitializeAsync()
    {
        Server = RunningServer.Start();
        var metrics = StandardMetrics.All.Concat(
        [
            new MetricDeclaration("top1_agreement", MetricUnits.Ratio, MetricDirection.HigherIsBetter, MetricAggregation.Last),
            new MetricDeclaration("energy_per_iteration", MetricUnits.Joules, MetricDirection.LowerIsBetter, MetricAggregation.Median),
        ]).ToList();
        var limits = new DeviceLimits("avx2", 2, 8, 12, 100, 180, 30, 55);
        var random = new Random(5);
        for (var i = 0; i < 24; i++)
        {
            var device = SampleReports.Valid().Device with { Hostname = i % 2 == 0 ? "bench-a" : Hostile, Limits = limits };
            foreach (var precision in new[] { "f32", "q8_0" })
            {
                var center = (precision == "f32" ? 4.0 : 2.0) * (i >= 12 ? 1.3 : 1.0);
                var latencies = Enumerable.Range(0, 15).Select(_ => center * (1 + (random.NextDouble() * 0.02))).ToArray();
                var baseReport = SampleReports.WithLatencies(latencies, Guid.NewGuid());
                var report = baseReport with
                {
                    StartedAt = SampleReports.Now.AddDays(i - 30),
                    FinishedAt = SampleReports.Now.AddDays(i - 30).AddMinutes(1),
                    Device = device,
                    Metrics = metrics,
                    Workloads =
                    [
                        baseReport.Workloads[0] with
                        {
                            Precision = precision,
                            Values =
                            [
                                new MetricValue("weight_bandwidth", 4 / center), new MetricValue("throughput", 2 / center),
                                new MetricValue("roofline_fraction", 0.4 / center), new MetricValue("top1_agreement", precision == "f32" ? 1.0 : 0.97),
                                new MetricValue("energy_per_iteration", 0.5 * center, Source: "rapl/package-0", RelativeUncertainty: 0.05),
                            ],
                        },
                    ],
                };
                using var response = await Server.Client(Server.AdminToken).PostAsJsonAsync("api/v1/runs", report, MeasureJson.Context.RunReport);
                response.EnsureSuccessStatusCode();
                Runs.Add(report);
            }
        }
        await new FleetClient(Server).EnrollAsync(Hostile, "rack-a");
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
