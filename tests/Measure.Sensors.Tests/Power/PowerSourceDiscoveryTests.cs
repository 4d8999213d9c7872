using Measure.Sensors.Power;

namespace Measure.Sensors.Tests.Power;

public sealed class PowerSourceDiscoveryTests
{
    [Fact]
    public void Discover_JetsonOrinNano_FindsIna3221WithModuleInputTotal()
    {
        var sources = PowerSourceDiscovery.Discover(RecordedDevice.Root(RecordedDevice.JetsonOrinNano), new CannedCommandRunner(new Dictionary<string, Sensors.Commands.CommandResult>()));

        var ina = Assert.IsType<JetsonIna3221Source>(Assert.Single(sources.Available));
        Assert.Same(ina, sources.Primary);
        Assert.Equal(new PowerSourceInfo("jetson-ina3221", "VDD_IN", PowerScope.ModuleInput, 0.05, false), ina.Info);
        Assert.Equal(["VDD_IN", "VDD_CPU_GPU_CV", "VDD_SOC"], ina.RailLabels);

        var reading = ina.Read();
        Assert.Equal(PowerReadingStatus.Valid, reading.Status);
        Assert.Equal(5.072 * 1.496, reading.Watts!.Value, 9);
        Assert.Equal(5.064 * 0.432, reading.Rails.Single(r => r.Label == "VDD_CPU_GPU_CV").Watts, 9);
    }

    [Fact]
    public void Discover_RaspberryPi5WithFakeVcgencmd_SumsPmicRails()
    {
        var sources = PowerSourceDiscovery.Discover(RecordedDevice.Root(RecordedDevice.RaspberryPi5), FakeCommands.OnPath(RecordedDevice.RaspberryPi5));

        var pmic = Assert.IsType<RaspberryPi5PmicSource>(sources.Primary);
        Assert.Equal(PowerScope.PmicRails, pmic.Info.Scope);
        var reading = pmic.Read();
        Assert.Equal(12, reading.Rails.Count);
        Assert.Equal(2.92246732754277, reading.Watts!.Value, 9);
    }

    [Fact]
    public void Discover_AndroidPhone_FindsDischargingBatteryWithNegativeCurrent()
    {
        var sources = PowerSourceDiscovery.Discover(RecordedDevice.Root(RecordedDevice.AndroidPhone), new CannedCommandRunner(new Dictionary<string, Sensors.Commands.CommandResult>()));

        var battery = Assert.IsType<AndroidFuelGaugeSource>(sources.Primary);
        Assert.Equal(PowerScope.WholeDevice, battery.Info.Scope);
        Assert.Equal("battery", battery.Info.Name);
        var reading = battery.Read();
        Assert.Equal(PowerReadingStatus.Valid, reading.Status);
        Assert.Equal(0.612 * 3.872, reading.Watts!.Value, 9);
    }

    [Fact]
    public void Discover_X86Rapl_OpensReadableZonesAndExplainsUnreadablePsys()
    {
        var sources = PowerSourceDiscovery.Discover(RecordedDevice.Root(RecordedDevice.X86Rapl), new CannedCommandRunner(new Dictionary<string, Sensors.Commands.CommandResult>()));

        Assert.Equal(["package-0", "core", "dram"], sources.Available.Select(s => s.Info.Name));
        Assert.All(sources.Available, s => Assert.True(s.Info.IsCumulativeCounter));
        Assert.Equal("package-0", sources.Primary!.Info.Name);
        Assert.Contains(sources.Unavailable, u => u.Kind == "rapl" && u.Reason.Contains("psys", StringComparison.Ordinal));
        Assert.Equal(0.0, sources.Primary.Read().CumulativeJoules);
    }

    [Fact]
    public void Discover_BareVm_NothingAvailableAndEveryFamilyExplained()
    {
        var runner = new CannedCommandRunner(new Dictionary<string, Sensors.Commands.CommandResult>());

        var sources = PowerSourceDiscovery.Discover(RecordedDevice.Root(RecordedDevice.BareVm), runner);

        Assert.Empty(sources.Available);
        Assert.Null(sources.Primary);
        Assert.Equal(
            ["jetson-ina3221", "android-fuel-gauge", "rapl", "rpi5-pmic"],
            sources.Unavailable.Select(u => u.Kind));
        Assert.StartsWith("no power sensor: ", sources.UnavailableReason, StringComparison.Ordinal);
        Assert.Empty(runner.Calls);
    }

    [Fact]
    public void Discover_Pi5WithoutVcgencmd_ReportsPmicUnavailable()
    {
        var sources = PowerSourceDiscovery.Discover(RecordedDevice.Root(RecordedDevice.RaspberryPi5), new CannedCommandRunner(new Dictionary<string, Sensors.Commands.CommandResult>()));

        Assert.Null(sources.Primary);
        Assert.Contains(sources.Unavailable, u => u.Kind == "rpi5-pmic" && u.Reason.Contains("not installed", StringComparison.Ordinal));
    }
}
