namespace Measure.Sensors.Thermal;

/// <summary>A thermal zone's trip point: the temperature at which the kernel acts ("passive" throttles, "critical" shuts down).</summary>
public sealed record TripPoint(int Index, double Celsius, string Type)
{
    /// <summary>Trip types at which the kernel starts limiting performance.</summary>
    public bool Throttles => Type is "passive" or "hot";
}
