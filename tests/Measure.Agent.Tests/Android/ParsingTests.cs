using Measure.Agent.Suites;
using Measure.Agent.Android.Adb;
using Measure.Agent.Android.Battery;
using Measure.Agent.Android.Phone;
using Measure.Agent.Android.Preconditions;
using Measure.Agent.Android.Sensing;

namespace Measure.Agent.Tests.Android;

public sealed class ParsingTests
{
    [Fact]
    public void ParseDeviceList_MixedStates_KeepsSerialStateAndDetails()
    {
        var phones = AttachedPhone.ParseDeviceList("""
            * daemon not running; starting now at tcp:5037
            * daemon started successfully
            List of devices attached
            21281FDH2000AB         device usb:1-1.2 product:oriole model:Pixel_6 device:oriole transport_id:3
            R5CT10ABCDE            unauthorized usb:1-1.3 transport_id:4

            """);

        Assert.Equal(["21281FDH2000AB", "R5CT10ABCDE"], phones.Select(p => p.Serial));
        Assert.True(phones[0].IsReady);
        Assert.Equal("Pixel 6", phones[0].Model);
        Assert.False(phones[1].IsReady);
    }

    [Fact]
    public void GetProps_FirstSetKey_SkipsEmptyAndMissing()
    {
        var props = GetProps.Parse("[ro.soc.model]: []\n[ro.board.platform]: [taro]\nnot a property\n");
        Assert.Equal("taro", props.First("ro.soc.model", "ro.board.platform", "ro.hardware"));
        Assert.Null(props.First("ro.product.model"));
    }

    [Fact]
    public void MirrorParse_GrepOutput_GroupsLinesPerFile()
    {
        var files = PhoneMirror.Parse("/proc/meminfo:MemTotal: 1 kB\n/proc/meminfo:MemAvailable: 2 kB\n/sys/a/temp:41000\ngrep: noise\n/../etc:x\n");
        Assert.Equal(["MemTotal: 1 kB", "MemAvailable: 2 kB"], files["/proc/meminfo"]);
        Assert.Equal(["41000"], files["/sys/a/temp"]);
        Assert.Equal(2, files.Count);
    }

    [Fact]
    public void BatteryState_UnpluggedFramework_LevelAndNoCharger()
    {
        var state = BatteryState.Parse("Current Battery Service state:\n  AC powered: false\n  USB powered: false\n  status: 3\n  level: 40\n  scale: 50\n");
        Assert.Equal(80, state.LevelPercent);
        Assert.False(state.OnCharger);
        Assert.Equal(3, state.Status);
    }

    [Theory]
    [InlineData("Thermal Status: 2\n", 2)]
    [InlineData("IsStatusOverride: false\nCached temperatures:\n", null)]
    [InlineData("Thermal Status: 9\n", null)]
    public void ThermalStatus_Parse_ReadsTheStatusLine(string text, int? expected) => Assert.Equal(expected, ThermalStatus.Parse(text));

    [Theory]
    [InlineData("Display Power: state=OFF\n  mWakefulness=Awake", true)]
    [InlineData("  mWakefulness=Dozing\n", true)]
    [InlineData("  mWakefulness=Awake\n", false)]
    public void IsScreenOff_DumpsysPower_DisplayStateWinsOverWakefulness(string text, bool off) => Assert.Equal(off, PreconditionCheck.IsScreenOff(text));

    [Fact]
    public void WithLabels_PreconditionLabels_OverrideHostDefaults()
    {
        var required = new RunPreconditions(ScreenOff: true).WithLabels(new Dictionary<string, string>
        {
            ["precondition.screen_off"] = "false", ["precondition.min_battery"] = "50", ["precondition.brightness"] = "100", ["branch"] = "main",
        });
        Assert.Equal(new RunPreconditions(false, false, true, 100, 50), required);
    }

    [Fact]
    public void WithSuite_SuiteBlock_NamedKeysReplaceHostDefaultsOthersKept()
    {
        var host = new RunPreconditions(ScreenOff: true, FixedBrightness: true, Brightness: 100, MinBatteryPercent: 30);

        var required = host.WithSuite(new SuitePreconditions(ScreenOff: false, AirplaneMode: true, MinBatteryPercent: 60));

        Assert.Equal(new RunPreconditions(ScreenOff: false, AirplaneMode: true, FixedBrightness: true, Brightness: 100, MinBatteryPercent: 60), required);
        Assert.Same(host, host.WithSuite(null));
        Assert.Equal(new RunPreconditions(ScreenOff: true, MinBatteryPercent: 30), host.WithSuite(new SuitePreconditions(FixedBrightness: false)));
    }

    [Fact]
    public void WithLabels_AfterSuiteBlock_LabelsWinForTheJob()
    {
        var required = RunPreconditions.None
            .WithSuite(new SuitePreconditions(AirplaneMode: true, Brightness: 40, MinBatteryPercent: 80))
            .WithLabels(new Dictionary<string, string> { ["precondition.min_battery_percent"] = "20", ["precondition.fixed_brightness"] = "false" });

        Assert.Equal(new RunPreconditions(AirplaneMode: true, MinBatteryPercent: 20), required);
        Assert.Equal("airplane_mode, min_battery_percent=20", required.Describe());
        Assert.Equal("none", RunPreconditions.None.Describe());
    }

    [Theory]
    [InlineData("precondition.min_battery", "150")]
    [InlineData("precondition.screen_off", "maybe")]
    [InlineData("precondition.volume", "0")]
    public void WithLabels_BadPrecondition_ThrowsNamingTheLabel(string key, string value)
    {
        var ex = Assert.Throws<ArgumentException>(() => RunPreconditions.None.WithLabels(new Dictionary<string, string> { [key] = value }));
        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }
}
