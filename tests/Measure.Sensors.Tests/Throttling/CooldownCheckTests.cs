using Measure.Sensors.Thermal;
using Measure.Sensors.Throttling;

namespace Measure.Sensors.Tests.Throttling;

public sealed class CooldownCheckTests
{
    private static readonly Dictionary<string, double> Idle = new() { ["cpu"] = 45, ["gpu"] = 40, ["battery"] = 30 };

    [Fact]
    public void Evaluate_HottestZoneWithinMargin_Cooled()
    {
        var status = CooldownCheck.Evaluate(Idle, new Dictionary<string, double> { ["cpu"] = 46.5, ["gpu"] = 41, ["battery"] = 33 }, marginCelsius: 2);

        Assert.Equal(CooldownState.Cooled, status.State);
        Assert.Equal("cpu", status.HottestZone);
        Assert.Equal(1.5, status.ExcessCelsius!.Value, 9);
    }

    [Fact]
    public void Evaluate_HottestZoneAboveMargin_StillHot()
    {
        var status = CooldownCheck.Evaluate(Idle, new Dictionary<string, double> { ["cpu"] = 44, ["gpu"] = 52 }, marginCelsius: 2);

        Assert.Equal(CooldownState.StillHot, status.State);
        Assert.Equal("gpu", status.HottestZone);
    }

    [Fact]
    public void Evaluate_NoCommonZones_NoThermalData()
    {
        Assert.Equal(CooldownState.NoThermalData, CooldownCheck.Evaluate(Idle, new Dictionary<string, double>(), 2).State);
    }

    [Fact]
    public void Evaluate_NegativeMargin_ThrowsNamingMargin()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CooldownCheck.Evaluate(Idle, Idle, -1));
        Assert.Equal("marginCelsius", error.ParamName);
    }

    [Fact]
    public void ThermalSnapshot_RecordedAndroidPhone_OmitsUnreadableZone()
    {
        var root = RecordedDevice.Root(RecordedDevice.AndroidPhone);

        var snapshot = ThermalSnapshot.Read(root, ThermalZone.Discover(root));

        Assert.Equal(4, snapshot.Count);
        Assert.False(snapshot.ContainsKey("thermal_zone3:modem-0-usr"));
        Assert.Equal(46.3, snapshot["thermal_zone0:cpu-1-0-usr"]);
    }
}
