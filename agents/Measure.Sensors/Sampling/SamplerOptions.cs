namespace Measure.Sensors.Sampling;

/// <summary>How often the sampler reads its probes.</summary>
public sealed record SamplerOptions
{
    public const double MaxRateHz = 100;

    public SamplerOptions(double rateHz = 10, double commandRateHz = 1, double expectedDurationSeconds = 600)
    {
        if (!(rateHz > 0 && rateHz <= MaxRateHz))
            throw new ArgumentOutOfRangeException(nameof(rateHz), rateHz, $"The sampling rate must be in (0, {MaxRateHz}] Hz.");
        if (!(commandRateHz > 0 && commandRateHz <= rateHz))
            throw new ArgumentOutOfRangeException(nameof(commandRateHz), commandRateHz, "The command probes' rate must be positive and at most the sampling rate.");
        if (!(expectedDurationSeconds > 0))
            throw new ArgumentOutOfRangeException(nameof(expectedDurationSeconds), expectedDurationSeconds, "The expected duration must be positive.");
        RateHz = rateHz;
        CommandRateHz = commandRateHz;
        ExpectedDurationSeconds = expectedDurationSeconds;
    }

    /// <summary>Sysfs probes per second (default 10, at most 100).</summary>
    public double RateHz { get; }

    /// <summary>
    /// Probes that spawn a process (vcgencmd) per second (default 1): one spawn costs milliseconds
    /// of CPU, so reading them at 10 Hz alone would break the sampler's 1 % budget.
    /// </summary>
    public double CommandRateHz { get; }

    /// <summary>Sizes the preallocated buffers; longer runs grow them.</summary>
    public double ExpectedDurationSeconds { get; }
}
