namespace Measure.Sensors.Power;

/// <summary>
/// Units of current_now / voltage_now. The kernel ABI says micro-amperes and micro-volts; some
/// vendors' drivers report milli-units instead.
/// </summary>
public enum FuelGaugeUnits
{
    /// <summary>Decide from voltage_now: a lithium cell reads 3-4.5 V, so a value under 100 000 must be millivolts.</summary>
    Auto,
    Micro,
    Milli,
}
