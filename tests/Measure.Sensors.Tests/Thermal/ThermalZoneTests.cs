using Measure.Sensors.Thermal;

namespace Measure.Sensors.Tests.Thermal;

public sealed class ThermalZoneTests
{
    [Fact]
    public void Discover_JetsonOrinNano_ReadsEveryZoneWithTripPoints()
    {
        var root = RecordedDevice.Root(RecordedDevice.JetsonOrinNano);

        var zones = ThermalZone.Discover(root);

        Assert.Equal(["cpu-thermal", "gpu-thermal", "cv0-thermal", "soc0-thermal", "tj-thermal"], zones.Select(z => z.Type));
        Assert.Equal(48.25, zones[0].ReadCelsius(root));
        Assert.Equal([new TripPoint(0, 99.0, "hot"), new TripPoint(1, 104.5, "critical")], zones[0].TripPoints);
        Assert.Equal(99.0, zones[0].ThrottleCelsius);
    }

    [Fact]
    public void Discover_AndroidPhone_OrdersZonesNaturallyAndReportsUnreadableAsNull()
    {
        var root = RecordedDevice.Root(RecordedDevice.AndroidPhone);

        var zones = ThermalZone.Discover(root);

        Assert.Equal([0, 1, 2, 3, 10], zones.Select(z => z.Index));
        Assert.Equal("thermal_zone3:modem-0-usr", zones[3].Name);
        Assert.Null(zones[3].ReadCelsius(root));
        Assert.Null(zones[1].ThrottleCelsius);
        Assert.Equal(45.0, zones[2].ThrottleCelsius);
    }

    [Fact]
    public void Discover_X86_IgnoresDisabledZeroTripPoints()
    {
        var zones = ThermalZone.Discover(RecordedDevice.Root(RecordedDevice.X86Rapl));

        Assert.Empty(zones.Single(z => z.Type == "x86_pkg_temp").TripPoints);
        Assert.Equal("critical", Assert.Single(zones.Single(z => z.Type == "acpitz").TripPoints).Type);
    }

    [Fact]
    public void Discover_RaspberryPi5_FanTripsAreActiveNotThrottling()
    {
        var zone = Assert.Single(ThermalZone.Discover(RecordedDevice.Root(RecordedDevice.RaspberryPi5)));

        Assert.Equal(5, zone.TripPoints.Count);
        Assert.Null(zone.ThrottleCelsius);
    }

    [Fact]
    public void Discover_BareVm_FindsNothing()
    {
        Assert.Empty(ThermalZone.Discover(RecordedDevice.Root(RecordedDevice.BareVm)));
    }
}
