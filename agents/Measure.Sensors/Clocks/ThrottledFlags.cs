namespace Measure.Sensors.Clocks;

/// <summary>The bits of Raspberry Pi `vcgencmd get_throttled`: 0-3 are "now", 16-19 "has occurred since boot".</summary>
[Flags]
public enum ThrottledFlags
{
    None = 0,
    UnderVoltage = 1 << 0,
    ArmFrequencyCapped = 1 << 1,
    Throttled = 1 << 2,
    SoftTemperatureLimit = 1 << 3,
    UnderVoltageOccurred = 1 << 16,
    ArmFrequencyCappingOccurred = 1 << 17,
    ThrottlingOccurred = 1 << 18,
    SoftTemperatureLimitOccurred = 1 << 19,
}
