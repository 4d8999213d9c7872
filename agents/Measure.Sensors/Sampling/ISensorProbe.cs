namespace Measure.Sensors.Sampling;

/// <summary>Something the sampler reads each tick: one or more channels read together.</summary>
public interface ISensorProbe
{
    IReadOnlyList<SensorChannel> Channels { get; }

    /// <summary>True when reading spawns a process (vcgencmd): far costlier than a sysfs read, so sampled less often.</summary>
    bool RunsExternalCommand { get; }

    /// <summary>Writes one value per channel; NaN where the sensor could not be read. Never throws for unreadable sensors.</summary>
    void Read(Span<double> values);
}
