using Measure.Agent.Android.Adb;
using Measure.Agent.Android.Battery;
using Measure.Agent.Android.Phone;
using Measure.Agent.Android.Preconditions;
using Measure.Agent.Android.Running;
using Measure.Agent.Reporting;
using Measure.Agent.Suites;
using Measure.Contracts;
using Measure.Tests.Shared;

namespace Measure.Agent.Tests.Android;

/// <summary>
/// The bundled workloads on the recorded Pixel, whose Termux dotnet runs the host's real runtime: the host pushes the
/// portable agent and the suite, the pushed agent really measures a tiny GEMV suite, and the host pulls its report.
/// </summary>
public sealed class BundledAgentRunTests
{
    private const string GemvSuite = """
        suite: phone-gemv
        version: 1
        rules:
          warmup_iterations: 2
          iterations: 20
          idle_s: 0.3
          sample_hz: 10
        preconditions:
          airplane_mode: true
          min_battery_percent: 50
        workloads:
          - kind: gemv
            precisions: [f32]
            threads: [1]
            params: {rows: 64, cols: 64}
        """;

    private const string RunCommand = "measure-agent.dll run";

    private static (PhoneRunner Runner, PhoneIdentity Phone, ChargingControl Charging) Runner(FakeAdbLab lab)
    {
        using var mirror = new PhoneMirror(lab.Adb, FakeAdbLab.Pixel);
        var phone = PhoneIdentity.Read(lab.Adb, mirror);
        var charging = new ChargingControl(lab.Adb, Path.Join(lab.Directory, "markers"));
        var options = new PhoneRunOptions(RunPreconditions.None, PortableAgent: PortableAgentFolder.CreateIn(lab.Directory));
        return (new PhoneRunner(lab.Adb, phone, charging, options, TimeProvider.System, _ => { }), phone, charging);
    }

    private static RunReport Run(PhoneRunner runner) =>
        runner.Run(SuiteParser.Parse(GemvSuite, "phone-gemv.yaml"), GemvSuite, new Dictionary<string, string> { ["job_id"] = "j-1" }, CancellationToken.None);

    [Fact]
    public void Run_PixelWithTermuxDotnet_PushedAgentMeasuresAndReportCarriesThePhoneFingerprint()
    {
        using var lab = new FakeAdbLab();
        var (runner, phone, charging) = Runner(lab);

        var report = Run(runner);

        Assert.Empty(RunReportValidator.Validate(report, DateTimeOffset.UtcNow));
        // Identity is the phone's (serial, model, SoC, cores); only what the pushed agent saw of its runtime is its own.
        Assert.Equal(phone.Device with { IsaFeatures = report.Device.IsaFeatures, DotnetVersion = report.Device.DotnetVersion }, report.Device);
        Assert.Equal(FakeAdbLab.Pixel, report.Device.Hostname);
        Assert.NotEqual(Environment.MachineName, report.Device.Hostname);
        Assert.StartsWith("10.", report.Device.DotnetVersion, StringComparison.Ordinal);
        Assert.Equal(new SuiteRef("phone-gemv", 1, SuiteParser.Parse(GemvSuite, "x").ContentHash), report.Suite);
        var workload = Assert.Single(report.Workloads);
        Assert.Equal(("gemv", "f32", 1), (workload.Workload, workload.Precision, workload.Threads));
        Assert.Equal(20, workload.Samples.Single(s => s.Metric == "latency").Values.Count);
        Assert.Equal("adb bundled-agent", report.Labels!["runner"]);
        Assert.Equal("j-1", report.Labels["job_id"]);
        Assert.Equal("met on the phone before the run (airplane_mode, min_battery_percent=50)", report.Labels[SuitePreconditions.LabelKey]);
        // The pushed agent's energy is its own figure (here: no gauge where it ran), never the host's gauge relabelled.
        var energy = workload.Values!.Single(v => v.Metric == AgentMetrics.Energy.Name);
        Assert.Null(energy.Value);
        Assert.False(energy.Source?.StartsWith("adb ", StringComparison.Ordinal) ?? false);
        Assert.Contains(RunFlags.EnergyUnavailable, workload.Flags!);
        // The host's adb-sampled traces ride along, named host/ so they never mix with the pushed agent's own.
        var hostTraces = report.SensorTraces!.Where(t => t.Sensor.StartsWith("host/", StringComparison.Ordinal)).ToList();
        Assert.Contains(hostTraces, t => t.Kind == "power" && t.Source.Contains("android-fuel-gauge/battery", StringComparison.Ordinal));
        Assert.Equal(5, hostTraces.Count(t => t.Kind == "temperature"));
        Assert.Equal(8, hostTraces.Count(t => t.Kind == "cpu-clock"));
        // The agent and the suite went to the phone, the report came back, and charging was restored.
        Assert.Contains(lab.Calls, c => c.StartsWith($"-s {FakeAdbLab.Pixel} push --sync ", StringComparison.Ordinal) && c.EndsWith(" /data/local/tmp/measure/agent", StringComparison.Ordinal));
        Assert.Contains(lab.Calls, c => c.Contains(RunCommand, StringComparison.Ordinal) && c.Contains("--no-probe", StringComparison.Ordinal));
        Assert.Contains($"-s {FakeAdbLab.Pixel} shell dumpsys battery unplug", lab.Calls);
        Assert.False(lab.BatteryUnplugged(FakeAdbLab.Pixel));
        Assert.False(File.Exists(charging.MarkerPath(FakeAdbLab.Pixel)));
    }

    [Fact]
    public void Run_PixelUnpluggedWhileThePushedAgentRuns_DisconnectedNoReportPulledMarkerKept()
    {
        using var lab = new FakeAdbLab();
        var (runner, _, charging) = Runner(lab);
        lab.UnplugWhen(FakeAdbLab.Pixel, RunCommand);

        var ex = Assert.Throws<PhoneDisconnectedException>(() => Run(runner));

        Assert.Equal(FakeAdbLab.Pixel, ex.Serial);
        Assert.DoesNotContain(lab.Calls, c => c.Contains(" pull ", StringComparison.Ordinal));
        Assert.False(File.Exists(lab.PhoneFile(FakeAdbLab.Pixel, "/data/local/tmp/measure/report.json")));
        // The battery service stays unplugged until the host sees the phone again and resets it.
        Assert.True(lab.BatteryUnplugged(FakeAdbLab.Pixel));
        Assert.True(File.Exists(charging.MarkerPath(FakeAdbLab.Pixel)));
    }
}
