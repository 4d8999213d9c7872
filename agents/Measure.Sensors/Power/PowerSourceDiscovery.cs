using Measure.Sensors.Commands;
using Measure.Sensors.IO;

namespace Measure.Sensors.Power;

/// <summary>Finds the power sources this machine has; reports why each family is absent.</summary>
public static class PowerSourceDiscovery
{
    public static PowerSources Discover(SysRoot root, ICommandRunner runner, FuelGaugeUnits fuelGaugeUnits = FuelGaugeUnits.Auto)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(runner);
        var found = new List<IPowerSource>();
        var missing = new List<UnavailablePowerSource>();

        void Add(string kind, IPowerSource? source, string? reason)
        {
            if (source is not null)
                found.Add(source);
            else
                missing.Add(new UnavailablePowerSource(kind, reason ?? "not found"));
        }

        var (ina, inaReason) = JetsonIna3221Source.TryOpen(root);
        Add(PowerSourceKinds.JetsonIna3221, ina, inaReason);

        var (battery, batteryReason) = AndroidFuelGaugeSource.TryOpen(root, fuelGaugeUnits);
        Add(PowerSourceKinds.AndroidFuelGauge, battery, batteryReason);

        var zones = root.ListEntries("/sys/class/powercap", "intel-rapl:*");
        if (zones.Count == 0)
            missing.Add(new UnavailablePowerSource(PowerSourceKinds.Rapl, "no powercap RAPL zones (/sys/class/powercap/intel-rapl:*)"));
        foreach (var zone in zones)
        {
            var (rapl, raplReason) = RaplSource.TryOpen(root, zone);
            Add(PowerSourceKinds.Rapl, rapl, raplReason);
        }

        // Only ask vcgencmd when the board is a Pi 5: spawning it elsewhere costs time for nothing.
        var model = root.TryReadLine("/proc/device-tree/model") ?? "";
        if (model.StartsWith("Raspberry Pi 5", StringComparison.Ordinal) || model.StartsWith("Raspberry Pi Compute Module 5", StringComparison.Ordinal))
        {
            var (pmic, pmicReason) = RaspberryPi5PmicSource.TryOpen(runner);
            Add(PowerSourceKinds.RaspberryPi5Pmic, pmic, pmicReason);
        }
        else
        {
            missing.Add(new UnavailablePowerSource(PowerSourceKinds.RaspberryPi5Pmic, "the device-tree model is not a Raspberry Pi 5"));
        }

        return new PowerSources(found, missing);
    }
}
