using Measure.Agent.Reporting;
using Measure.Contracts;
using Measure.Tests.Shared;

namespace Measure.EndToEnd.Tests.Dashboards;

/// <summary>
/// LLM runs as a board with sensors would report them (the agent's own metric declarations, phases, power,
/// two thermal zones, a clock that drops when throttling): this VM has no sensors and no model weights.
/// </summary>
internal static class LlmReports
{
    public static RunReport Create(string device, string precision, double tokenMs, double accuracy, int day, int seed)
    {
        var random = new Random(seed);
        var start = SampleReports.Now.AddDays(day);
        var tokens = Enumerable.Range(0, 64).Select(i => tokenMs * (1 + (i > 40 ? 0.15 : 0) + (random.NextDouble() * 0.05))).ToArray();
        var ttft = Enumerable.Range(0, 5).Select(_ => tokenMs * 8 * (1 + (random.NextDouble() * 0.05))).ToArray();
        var key = $"llm/{precision}/4t";
        var times = Enumerable.Range(0, 120).Select(i => i * 0.25).ToArray();
        double Hot(double t) => Math.Min(85, 45 + (t > 4 ? (t - 4) * 2 : 0));
        return new RunReport(
            ProtocolVersion.RunReportSchema,
            Guid.NewGuid(),
            start,
            start.AddSeconds(30),
            SampleReports.Valid().Device with
            {
                Hostname = device,
                BoardModel = "Raspberry Pi 5",
                Architecture = "Arm64",
                CpuModel = "Cortex-A76",
                LogicalCores = 4,
                Limits = new DeviceLimits("neon", 4, 6, 9, 40, 120, 15, 45),
            },
            new SuiteRef("llm-small", 1, new string('b', 64)),
            AgentMetrics.Catalog,
            [
                new WorkloadResult("llm", precision, "neon", 4, new Dictionary<string, string> { ["preset"] = "tiny" },
                    [new SampleSeries("token_latency", tokens), new SampleSeries("ttft", ttft)],
                    [
                        new MetricValue("decode_tokens_per_second", 1000 / tokenMs),
                        new MetricValue("top1_agreement", accuracy, Source: "teacher-forced vs fp32"),
                        new MetricValue("decode_energy_per_token", tokenMs * 0.004, Source: "power/ina3221 over 5 'decode' window(s) minus idle 2.1 W, per token", RelativeUncertainty: 0.06),
                        new MetricValue("prefill_energy_per_token", null, Unavailable: "no 'prefill' work was measured"),
                        new MetricValue("weight_bandwidth", 3.2 * 10 / tokenMs),
                        new MetricValue("roofline_fraction", 3.2 * 10 / tokenMs / 9),
                        new MetricValue("time_to_throttle", 6.5, Source: "clock/cpu0: frequency below 90% of max"),
                    ],
                    ["throttled"]),
            ],
            Labels: new Dictionary<string, string> { ["branch"] = "main" },
            Flags: ["throttled"],
            Phases:
            [
                new PhaseMark("idle", 0, 2),
                new PhaseMark("warmup", 2, 4, key),
                new PhaseMark("timed", 4, 26, key),
                new PhaseMark("prefill", 4, 6, key),
                new PhaseMark("decode", 6, 26, key),
                new PhaseMark("cooldown", 26, 30, key),
            ],
            SensorTraces:
            [
                new SensorTrace("power/ina3221", "power", "W", "ina3221 hwmon", times, times.Select(t => t is > 4 and < 26 ? 6.5 + random.NextDouble() : 2.1).ToArray()),
                new SensorTrace("thermal/cpu", "thermal", "°C", "sysfs thermal_zone0", times, times.Select(Hot).ToArray()),
                new SensorTrace("thermal/gpu", "thermal", "°C", "sysfs thermal_zone1", times, times.Select(t => Hot(t) - 6).ToArray()),
                new SensorTrace("clock/cpu0", "clock", "MHz", "cpufreq", times, times.Select(t => t > 10.5 ? 1800.0 : 2400.0).ToArray()),
            ]);
    }
}
