namespace Measure.Statistics.Detection;

/// <summary>Warm-up bounds and the closeness two consecutive windows need to count as steady.</summary>
public sealed record SteadyStateOptions
{
    /// <summary>Iterations always treated as warm-up (JIT tiering, caches, clocks ramping up).</summary>
    public int MinWarmup { get; init; } = 3;

    /// <summary>Warm-up budget: past this the run proceeds and is flagged as not having settled.</summary>
    public int MaxWarmup { get; init; } = 50;

    /// <summary>Length of each of the two windows compared.</summary>
    public int Window { get; init; } = 5;

    /// <summary>Window medians closer than this (relative) are steady, whatever the noise.</summary>
    public double RelativeTolerance { get; init; } = 0.02;

    public static SteadyStateOptions Default { get; } = new();

    internal void Validate()
    {
        if (MinWarmup < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MinWarmup), MinWarmup, "MinWarmup must be >= 0.");
        }

        if (MaxWarmup < MinWarmup)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxWarmup), MaxWarmup, $"MaxWarmup must be >= MinWarmup ({MinWarmup}).");
        }

        if (Window < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(Window), Window, "Window must be >= 2.");
        }

        if (!(RelativeTolerance >= 0) || !double.IsFinite(RelativeTolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(RelativeTolerance), RelativeTolerance, "RelativeTolerance must be finite and >= 0.");
        }
    }
}
