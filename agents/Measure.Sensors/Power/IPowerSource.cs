namespace Measure.Sensors.Power;

/// <summary>A power or energy sensor that exists on this machine.</summary>
public interface IPowerSource
{
    PowerSourceInfo Info { get; }

    /// <summary>Reads the sensor now. Never throws for an unreadable sensor: returns an unavailable reading.</summary>
    PowerReading Read();
}
