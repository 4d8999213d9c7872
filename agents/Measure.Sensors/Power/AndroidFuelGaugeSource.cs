using Measure.Sensors.IO;

namespace Measure.Sensors.Power;

/// <summary>
/// A phone's battery fuel gauge (/sys/class/power_supply/*, type "Battery"): power = |current_now|
/// x voltage_now. The sign of current_now differs by vendor (discharge is negative on some,
/// positive on others), so the direction comes from the "status" attribute instead; while the
/// battery charges (or is full on the charger) the gauge measures net battery current, not the
/// device's consumption, and the reading is flagged unreliable.
/// </summary>
public sealed class AndroidFuelGaugeSource : IPowerSource
{
    /// <summary>
    /// Gauges filter current over their own window (often ~1 s) and are calibrated for state of
    /// charge rather than power; we state ±10 % for a reading while discharging.
    /// </summary>
    public const double RelativeUncertainty = 0.10;

    private readonly SysRoot _root;
    private readonly string _supplyPath;
    private readonly FuelGaugeUnits _units;

    private AndroidFuelGaugeSource(SysRoot root, string supplyPath, FuelGaugeUnits units)
    {
        _root = root;
        _supplyPath = supplyPath;
        _units = units;
        Info = new PowerSourceInfo(PowerSourceKinds.AndroidFuelGauge, Path.GetFileName(supplyPath), PowerScope.WholeDevice, RelativeUncertainty, IsCumulativeCounter: false);
    }

    public PowerSourceInfo Info { get; }

    public static (AndroidFuelGaugeSource? Source, string? UnavailableReason) TryOpen(SysRoot root, FuelGaugeUnits units = FuelGaugeUnits.Auto)
    {
        ArgumentNullException.ThrowIfNull(root);
        var batteries = root.ListEntries("/sys/class/power_supply", "*")
            .Where(s => root.TryReadLine(s + "/type") == "Battery")
            .ToArray();
        if (batteries.Length == 0)
            return (null, "no power_supply of type Battery");
        var readable = batteries.FirstOrDefault(s =>
            root.TryReadInt64(s + "/current_now") is not null && root.TryReadInt64(s + "/voltage_now") is not null);
        return readable is null
            ? (null, $"battery {Path.GetFileName(batteries[0])} has no readable current_now and voltage_now")
            : (new AndroidFuelGaugeSource(root, readable, units), null);
    }

    public PowerReading Read()
    {
        var current = _root.TryReadInt64(_supplyPath + "/current_now");
        var voltage = _root.TryReadInt64(_supplyPath + "/voltage_now");
        if (current is null || voltage is null)
            return PowerReading.Unavailable($"battery {Info.Name}: current_now or voltage_now could not be read");
        var status = _root.TryReadLine(_supplyPath + "/status");
        return FuelGaugePower.From(current.Value, voltage.Value, status, _units);
    }
}
