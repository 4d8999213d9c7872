namespace Measure.Sensors.Power;

/// <summary>The pure conversion of raw fuel-gauge attributes into a power reading.</summary>
public static class FuelGaugePower
{
    /// <summary>Below this, voltage_now cannot be microvolts for a lithium cell (0.1 V).</summary>
    private const long SmallestMicrovoltReading = 100_000;

    public static PowerReading From(long currentNow, long voltageNow, string? status, FuelGaugeUnits units)
    {
        if (voltageNow <= 0)
            return PowerReading.Unavailable($"voltage_now {voltageNow} is not a battery voltage");
        var milli = units switch
        {
            FuelGaugeUnits.Milli => true,
            FuelGaugeUnits.Micro => false,
            _ => voltageNow < SmallestMicrovoltReading,
        };
        var scale = milli ? 1e-3 : 1e-6;
        // The sign convention varies by vendor; the magnitude does not.
        var watts = Math.Abs(currentNow) * scale * (voltageNow * scale);

        return status switch
        {
            "Discharging" => PowerReading.Power(watts),
            "Charging" or "Full" or "Not charging" =>
                PowerReading.UnreliablePower(watts, $"battery status is '{status}': on the charger the gauge measures net battery current, not device power"),
            null => PowerReading.UnreliablePower(watts, "battery status is unreadable, so the current's direction is unknown"),
            _ => PowerReading.UnreliablePower(watts, $"battery status '{status}' does not say the battery is discharging"),
        };
    }
}
