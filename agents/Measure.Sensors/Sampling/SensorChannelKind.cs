namespace Measure.Sensors.Sampling;

public enum SensorChannelKind
{
    /// <summary>Instantaneous power in watts.</summary>
    PowerWatts,

    /// <summary>Energy in joules accumulated since the sampler opened the source (a counter).</summary>
    EnergyJoules,

    /// <summary>1 when the power source's reading measures consumption, 0 when unreliable (e.g. charging).</summary>
    PowerValidity,

    TemperatureCelsius,

    /// <summary>A CPU core clock in kHz (cpufreq units).</summary>
    FrequencyKHz,

    /// <summary>A devfreq clock (GPU, EMC) in Hz.</summary>
    FrequencyHz,

    /// <summary>The raw Raspberry Pi get_throttled bit field.</summary>
    ThrottleBits,

    Bytes,
}
