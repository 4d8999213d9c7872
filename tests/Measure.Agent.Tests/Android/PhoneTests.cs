using Measure.Agent.Android.Adb;
using Measure.Agent.Android.Battery;
using Measure.Agent.Android.Phone;
using Measure.Agent.Android.Preconditions;
using Measure.Agent.Android.Sensing;
using Measure.Sensors.Sampling;
using Measure.Tests.Shared;

namespace Measure.Agent.Tests.Android;

public sealed class PhoneTests
{
    [Fact]
    public void Identity_Pixel_FingerprintFromGetpropAndSysfs()
    {
        using var lab = new FakeAdbLab();
        using var mirror = new PhoneMirror(lab.Adb, FakeAdbLab.Pixel);

        var phone = PhoneIdentity.Read(lab.Adb, mirror);

        Assert.Equal("Android 14", phone.Device.Os);
        Assert.Equal("GS101 @ 1803MHz/2253MHz/2802MHz", phone.Device.CpuModel);
        Assert.Equal(8, phone.Device.LogicalCores);
        Assert.Equal(7810640L * 1024, phone.Device.MemoryBytes);
        Assert.Equal("Google Pixel 6", phone.Device.BoardModel);
        Assert.Equal("arm64", phone.Device.Architecture);
        Assert.StartsWith("5.10.177-android13", phone.Device.KernelRelease, StringComparison.Ordinal);
        Assert.Equal(["android", "gs101", "pixel-6", "google"], phone.Tags);
    }

    [Fact]
    public void Identity_Samsung_SocModelAndOfflineCoreStillCounted()
    {
        using var lab = new FakeAdbLab();
        using var mirror = new PhoneMirror(lab.Adb, FakeAdbLab.Samsung);

        var phone = PhoneIdentity.Read(lab.Adb, mirror);

        Assert.Equal("Android 13", phone.Device.Os);
        Assert.Equal("SM8450 @ 1785MHz/2496MHz/2995MHz", phone.Device.CpuModel);
        Assert.Equal(8, phone.Device.LogicalCores);
        Assert.Contains("sm-s901u", phone.Tags);
        Assert.Contains("samsung", phone.Tags);
    }

    [Fact]
    public void Sensors_Samsung_GaugeZonesOnlineCoresAndThermalStatus()
    {
        using var lab = new FakeAdbLab();
        using var mirror = new PhoneMirror(lab.Adb, FakeAdbLab.Samsung);

        var sensors = PhoneSensors.Discover(lab.Adb, mirror);
        var channels = sensors.Probes.SelectMany(p => p.Channels).ToList();

        Assert.Equal("battery", sensors.Gauge!.Name);
        Assert.Equal(6, channels.Count(c => c.Kind == SensorChannelKind.TemperatureCelsius));
        Assert.Equal(7, channels.Count(c => c.Kind == SensorChannelKind.FrequencyKHz)); // cpu7 is offline: no scaling_cur_freq
        Assert.Contains(channels, c => c.Name == ThermalStatusProbe.ChannelName);
        Assert.Equal(95, channels.Single(c => c.Name == "thermal/thermal_zone1:cpu-1-0-usr").Limit);
    }

    [Fact]
    public void MirrorRefresh_FileVanishes_SensorReadsAsMissingNotStale()
    {
        using var lab = new FakeAdbLab();
        using var mirror = new PhoneMirror(lab.Adb, FakeAdbLab.Pixel);
        const string temp = "/sys/class/thermal/thermal_zone0/temp";
        mirror.Refresh([temp]);
        Assert.Equal(44900, mirror.Root.TryReadInt64(temp));

        File.Delete(lab.PhoneFile(FakeAdbLab.Pixel, temp));
        mirror.Refresh([temp]);

        Assert.Null(mirror.Root.TryReadInt64(temp));
    }

    [Fact]
    public void Shell_UnpluggedPhone_ThrowsDisconnectedNamingTheSerial()
    {
        using var lab = new FakeAdbLab();
        lab.SetAttached(FakeAdbLab.Samsung, false);

        var ex = Assert.Throws<PhoneDisconnectedException>(() => lab.Adb.Shell(FakeAdbLab.Samsung, "getprop"));

        Assert.Equal(FakeAdbLab.Samsung, ex.Serial);
        Assert.Contains("not found", ex.Message, StringComparison.Ordinal);
        Assert.Equal([FakeAdbLab.Pixel], lab.Adb.Devices().Select(d => d.Serial));
    }

    [Fact]
    public void Preconditions_PixelPreparedForMeasurement_AllMet()
    {
        using var lab = new FakeAdbLab();
        var failures = PreconditionCheck.Failures(lab.Adb, FakeAdbLab.Pixel, new RunPreconditions(true, true, true, 102, 70));
        Assert.Empty(failures);
    }

    [Fact]
    public void Preconditions_SamsungAsLeftOnTheBench_EveryFailureNamed()
    {
        using var lab = new FakeAdbLab();
        var failures = PreconditionCheck.Failures(lab.Adb, FakeAdbLab.Samsung, new RunPreconditions(true, true, true, 102, 70));
        Assert.Equal(["the screen is on (required off)", "airplane mode is off (required on)", "brightness is automatic (required fixed)", "battery at 64 % (required at least 70 %)"], failures);
    }

    [Fact]
    public void Charging_SuspendAndRestore_MarkerOnlyWhileUnplugged()
    {
        using var lab = new FakeAdbLab();
        var markers = Path.Join(lab.Directory, "markers");
        var charging = new ChargingControl(lab.Adb, markers);

        Assert.True(charging.Suspend(FakeAdbLab.Pixel));
        Assert.True(File.Exists(charging.MarkerPath(FakeAdbLab.Pixel)));
        Assert.True(lab.BatteryUnplugged(FakeAdbLab.Pixel));
        Assert.False(BatteryState.Parse(lab.Adb.ShellText(FakeAdbLab.Pixel, "dumpsys battery")).OnCharger);

        charging.Restore(FakeAdbLab.Pixel);
        Assert.False(File.Exists(charging.MarkerPath(FakeAdbLab.Pixel)));
        Assert.False(lab.BatteryUnplugged(FakeAdbLab.Pixel));
    }

    [Fact]
    public void RecoverAfterCrash_MarkersLeftBehind_ResetsAttachedPhonesKeepsOthers()
    {
        using var lab = new FakeAdbLab();
        var markers = Path.Join(lab.Directory, "markers");
        var crashed = new ChargingControl(lab.Adb, markers);
        crashed.Suspend(FakeAdbLab.Pixel);
        crashed.Suspend(FakeAdbLab.Samsung);
        lab.SetAttached(FakeAdbLab.Samsung, false);

        var log = new List<string>();
        var restored = new ChargingControl(lab.Adb, markers).RecoverAfterCrash([FakeAdbLab.Pixel], log.Add);

        Assert.Equal([FakeAdbLab.Pixel], restored);
        Assert.False(lab.BatteryUnplugged(FakeAdbLab.Pixel));
        Assert.False(File.Exists(crashed.MarkerPath(FakeAdbLab.Pixel)));
        Assert.True(File.Exists(crashed.MarkerPath(FakeAdbLab.Samsung)));
        Assert.Contains($"-s {FakeAdbLab.Pixel} shell dumpsys battery reset", lab.Calls);
    }
}
