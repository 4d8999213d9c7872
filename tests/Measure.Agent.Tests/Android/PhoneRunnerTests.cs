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

public sealed class PhoneRunnerTests
{
    private static (PhoneRunner Runner, PhoneIdentity Phone, ChargingControl Charging) Runner(FakeAdbLab lab, string serial, RunPreconditions? preconditions = null)
    {
        using var mirror = new PhoneMirror(lab.Adb, serial);
        var phone = PhoneIdentity.Read(lab.Adb, mirror);
        var charging = new ChargingControl(lab.Adb, Path.Join(lab.Directory, "markers"));
        var options = new PhoneRunOptions(preconditions ?? RunPreconditions.None, lab.LlamaBench, lab.Models);
        return (new PhoneRunner(lab.Adb, phone, charging, options, TimeProvider.System, _ => { }), phone, charging);
    }

    private static RunReport Run(PhoneRunner runner, IReadOnlyDictionary<string, string>? labels = null) =>
        runner.Run(SuiteParser.Parse(FakeAdbLab.LlamaSuite, "phone-llm.yaml"), FakeAdbLab.LlamaSuite, labels, CancellationToken.None);

    [Fact]
    public void Run_LlamaBenchOnPixel_ImportedWorkloadsWithPhoneFingerprintTracesAndValidEnergy()
    {
        using var lab = new FakeAdbLab();
        var (runner, phone, charging) = Runner(lab, FakeAdbLab.Pixel);

        var report = Run(runner);

        Assert.Empty(RunReportValidator.Validate(report, DateTimeOffset.UtcNow));
        Assert.Equal(phone.Device, report.Device);
        Assert.Equal(new SuiteRef("phone-llm", 1, SuiteParser.Parse(FakeAdbLab.LlamaSuite, "x").ContentHash), report.Suite);
        Assert.Equal(["pp64", "tg16"], report.Workloads.Select(w => w.Workload));
        Assert.All(report.Workloads, w => Assert.Equal("Q8_0", w.Precision));
        Assert.Equal(3, report.Workloads[1].Samples.Single(s => s.Metric == "decode_tokens_per_second").Values.Count);
        var energy = report.Workloads.Select(w => w.Values!.Single(v => v.Metric == AgentMetrics.Energy.Name)).ToList();
        Assert.All(energy, e => Assert.True(e.Value is not null, e.Unavailable));
        Assert.All(report.Workloads, w => Assert.DoesNotContain(RunFlags.EnergyUnreliable, w.Flags ?? []));
        Assert.Contains(report.SensorTraces!, t => t.Kind == "power" && t.Source.Contains("android-fuel-gauge/battery", StringComparison.Ordinal));
        Assert.Equal(5, report.SensorTraces!.Count(t => t.Kind == "temperature"));
        Assert.Equal(8, report.SensorTraces!.Count(t => t.Kind == "cpu-clock"));
        Assert.Equal(1, report.SensorTraces!.Single(t => t.Kind == "thermal-status").Values[0]);
        Assert.Equal(["idle", "pp64", "tg16"], report.Phases!.Select(p => p.Name));
        Assert.Equal(FakeAdbLab.Pixel, report.Labels!["phone_serial"]);
        // Charging was stopped for the measurement and restored afterwards.
        Assert.Contains($"-s {FakeAdbLab.Pixel} shell dumpsys battery unplug", lab.Calls);
        Assert.False(lab.BatteryUnplugged(FakeAdbLab.Pixel));
        Assert.False(File.Exists(charging.MarkerPath(FakeAdbLab.Pixel)));
    }

    [Fact]
    public void Run_SamsungKeepsChargingWhenUnplugged_EnergyFlaggedUnreliable()
    {
        using var lab = new FakeAdbLab();
        var (runner, _, _) = Runner(lab, FakeAdbLab.Samsung);

        var report = Run(runner);

        Assert.All(report.Workloads, w => Assert.Contains(RunFlags.EnergyUnreliable, w.Flags!));
        Assert.All(report.SensorTraces!.Where(t => t.Kind == "power-validity"), t => Assert.All(t.Values, v => Assert.Equal(0, v)));
    }

    [Fact]
    public void Run_PreconditionsFail_NotStartedAndReasonNamed()
    {
        using var lab = new FakeAdbLab();
        var (runner, _, _) = Runner(lab, FakeAdbLab.Samsung, new RunPreconditions(ScreenOff: true));

        var ex = Assert.Throws<PreconditionsNotMetException>(() => Run(runner, new Dictionary<string, string> { ["precondition.min_battery"] = "80" }));

        Assert.Equal($"preconditions not met on phone {FakeAdbLab.Samsung}: the screen is on (required off); battery at 64 % (required at least 80 %)", ex.Message);
        Assert.DoesNotContain(lab.Calls, c => c.Contains("llama-bench", StringComparison.Ordinal) || c.Contains("battery unplug", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_SuiteRequiresMoreBatteryThanTheSamsungHas_NotStartedUntilAJobLabelRelaxesIt()
    {
        using var lab = new FakeAdbLab();
        var (runner, _, _) = Runner(lab, FakeAdbLab.Samsung, new RunPreconditions(AirplaneMode: true));
        var yaml = FakeAdbLab.LlamaSuite.Replace("workloads:", "preconditions:\n  airplane_mode: false\n  min_battery_percent: 80\nworkloads:", StringComparison.Ordinal);
        var suite = SuiteParser.Parse(yaml, "phone-llm.yaml");

        var ex = Assert.Throws<PreconditionsNotMetException>(() => runner.Run(suite, yaml, null, CancellationToken.None));
        var report = runner.Run(suite, yaml, new Dictionary<string, string> { ["precondition.min_battery_percent"] = "60" }, CancellationToken.None);

        // The suite relaxed the host's airplane mode, so only the battery failed.
        Assert.Equal(["battery at 64 % (required at least 80 %)"], ex.Failures);
        Assert.Equal("met on the phone before the run (min_battery_percent=60)", report.Labels![SuitePreconditions.LabelKey]);
        Assert.Equal(suite.ContentHash, report.Suite.ContentHash);
    }

    [Fact]
    public void Run_PhoneUnpluggedDuringDecode_DisconnectedAndMarkerKeptForRecovery()
    {
        using var lab = new FakeAdbLab();
        var (runner, _, charging) = Runner(lab, FakeAdbLab.Pixel);
        lab.UnplugWhen(FakeAdbLab.Pixel, "-p 0 -n 16");

        var ex = Assert.Throws<PhoneDisconnectedException>(() => Run(runner));

        Assert.Equal(FakeAdbLab.Pixel, ex.Serial);
        Assert.True(File.Exists(charging.MarkerPath(FakeAdbLab.Pixel)));
        lab.SetAttached(FakeAdbLab.Pixel, true);
        Assert.Equal([FakeAdbLab.Pixel], charging.RecoverAfterCrash([FakeAdbLab.Pixel], _ => { }));
        Assert.False(lab.BatteryUnplugged(FakeAdbLab.Pixel));
    }

    [Fact]
    public void Run_BundledWorkloadsWithoutDotnetOnThePhone_ClearError()
    {
        using var lab = new FakeAdbLab();
        using var mirror = new PhoneMirror(lab.Adb, FakeAdbLab.Samsung);
        var phone = PhoneIdentity.Read(lab.Adb, mirror);
        var agent = Directory.CreateDirectory(Path.Join(lab.Directory, "agent")).FullName;
        File.WriteAllText(Path.Join(agent, "measure-agent.dll"), "portable agent");
        var runner = new PhoneRunner(lab.Adb, phone, new ChargingControl(lab.Adb, lab.Directory), new PhoneRunOptions(RunPreconditions.None, PortableAgent: agent), TimeProvider.System, _ => { });
        const string yaml = "suite: gemv\nversion: 1\nrules: {iterations: 3, warmup_iterations: 0}\nworkloads:\n  - kind: gemv\n    precisions: [f32]\n    params: {rows: 8, cols: 8}\n";

        var ex = Assert.Throws<InvalidOperationException>(() => runner.Run(SuiteParser.Parse(yaml, "gemv.yaml"), yaml, null, CancellationToken.None));

        Assert.Contains("has no .NET 10 runtime", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownEngineParameter_NamesSuiteLineAndKey()
    {
        using var lab = new FakeAdbLab();
        var (runner, _, _) = Runner(lab, FakeAdbLab.Pixel);
        var yaml = FakeAdbLab.LlamaSuite.Replace("repetitions: 3", "reps: 3", StringComparison.Ordinal);

        var ex = Assert.Throws<ArgumentException>(() => runner.Run(SuiteParser.Parse(yaml, "bad.yaml"), yaml, null, CancellationToken.None));

        Assert.Contains("bad.yaml:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'reps'", ex.Message, StringComparison.Ordinal);
    }
}
