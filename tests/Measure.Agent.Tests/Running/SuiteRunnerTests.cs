using Measure.Agent.Reporting;
using Measure.Agent.Running;
using Measure.Agent.Suites;
using Measure.Agent.Tests.Fakes;
using Measure.Contracts;
using Measure.Sensors.Commands;
using Measure.Sensors.IO;
using Measure.Sensors.Sampling;
using Measure.Tests.Shared;

namespace Measure.Agent.Tests.Running;

/// <summary>The whole run protocol with the real sampler over a recorded x86 sysfs tree (RAPL + a thermal zone).</summary>
public sealed class SuiteRunnerTests
{
    private const string Suite = """
        suite: sensors
        version: 1
        rules:
          warmup: {min: 2, max: 10}
          min_iterations: 5
          cooldown: {margin_c: 3, max_s: 1}
          idle_s: 0.3
          sample_hz: 50
        workloads:
          - kind: gemv
            precisions: [f32]
            threads: [1]
            params: {rows: 64, cols: 64}
        """;

    private static string RecordedX86Tree(string root)
    {
        void Write(string path, string text)
        {
            var full = Path.Join(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        Write("sys/class/powercap/intel-rapl:0/name", "package-0\n");
        Write("sys/class/powercap/intel-rapl:0/energy_uj", "123456789\n");
        Write("sys/class/powercap/intel-rapl:0/max_energy_range_uj", "262143328850\n");
        Write("sys/class/thermal/thermal_zone0/type", "x86_pkg_temp\n");
        Write("sys/class/thermal/thermal_zone0/temp", "45000\n");
        Write("sys/class/thermal/thermal_zone0/trip_point_0_temp", "95000\n");
        Write("sys/class/thermal/thermal_zone0/trip_point_0_type", "passive\n");
        return root;
    }

    [Fact]
    public void Run_SuiteWithPhonePreconditions_ReportSaysTheyWereNotApplied()
    {
        using var temp = new TempStateDirectory();
        var sensors = SensorProbes.Discover(new SysRoot(temp.State.Path), new ProcessCommandRunner(new Dictionary<string, string> { ["PATH"] = "" }));
        var suite = SuiteParser.Parse(Suite.Replace("rules:", "preconditions:\n  screen_off: true\nrules:", StringComparison.Ordinal), "phone.yaml");

        var report = new SuiteRunner(TimeProvider.System, sensors).Run(suite, SampleReports.Valid().Device, new Dictionary<string, string> { ["branch"] = "main" }, SilentProgress.Instance, CancellationToken.None);

        Assert.Equal("main", report.Labels!["branch"]);
        Assert.StartsWith("not applied (screen_off)", report.Labels[SuitePreconditions.LabelKey], StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RaplAndThermalTree_ReportCarriesEnergyWithProvenanceTracesAndPhases()
    {
        using var temp = new TempStateDirectory();
        var root = new SysRoot(RecordedX86Tree(temp.State.Path));
        var sensors = SensorProbes.Discover(root, new ProcessCommandRunner(new Dictionary<string, string> { ["PATH"] = "" }));
        var suite = SuiteParser.Parse(Suite, "sensors.yaml");

        var report = new SuiteRunner(TimeProvider.System, sensors).Run(suite, SampleReports.Valid().Device, null, SilentProgress.Instance, CancellationToken.None);

        Assert.Empty(RunReportValidator.Validate(report, DateTimeOffset.UtcNow));
        var workload = Assert.Single(report.Workloads);
        var energy = Assert.Single(workload.Values!, v => v.Metric == AgentMetrics.Energy.Name);
        Assert.True(energy.Value is not null, energy.Unavailable);
        Assert.Contains("rapl/package-0", energy.Source, StringComparison.Ordinal);
        Assert.DoesNotContain(RunFlags.EnergyUnavailable, report.Flags!);
        Assert.DoesNotContain(RunFlags.Throttled, workload.Flags!);
        Assert.Contains(report.SensorTraces!, t => t.Sensor == "thermal/thermal_zone0:x86_pkg_temp" && t.Values.All(v => v == 45));
        Assert.Contains(report.SensorTraces!, t => t.Kind == "energy" && t.Unit == "J");
        Assert.Equal(["idle", "warmup", "timed"], report.Phases!.Select(p => p.Name));
        Assert.True(report.Phases![2].StartSeconds >= report.Phases[0].EndSeconds);
        Assert.Equal(5, workload.Samples[0].Values.Count);
        Assert.Contains(workload.Values!, v => v.Metric == AgentMetrics.SamplerCpu.Name);
        Assert.All(workload.Values!, v => Assert.Contains(report.Metrics, m => m.Name == v.Metric));
    }

    [Fact]
    public void Run_NoSensorsAtAll_EnergyUnavailableNeverZero()
    {
        using var temp = new TempStateDirectory();
        var sensors = SensorProbes.Discover(new SysRoot(temp.State.Path), new ProcessCommandRunner(new Dictionary<string, string> { ["PATH"] = "" }));
        var suite = SuiteParser.Parse(Suite, "sensors.yaml");

        var report = new SuiteRunner(TimeProvider.System, sensors).Run(suite, SampleReports.Valid().Device, null, SilentProgress.Instance, CancellationToken.None);

        Assert.Empty(RunReportValidator.Validate(report, DateTimeOffset.UtcNow));
        var energy = Assert.Single(report.Workloads[0].Values!, v => v.Metric == AgentMetrics.Energy.Name);
        Assert.Null(energy.Value);
        Assert.Contains("no power sensor", energy.Unavailable, StringComparison.Ordinal);
        Assert.Contains(RunFlags.EnergyUnavailable, report.Flags!);
        Assert.Contains(RunFlags.ThrottlingUnobservable, report.Flags!);
        Assert.DoesNotContain(report.Phases!, p => p.Name == "idle");
    }
}
