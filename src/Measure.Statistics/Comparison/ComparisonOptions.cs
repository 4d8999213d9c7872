using Measure.Statistics.Noise;

namespace Measure.Statistics.Comparison;

/// <summary>How one metric is gated. The defaults suit latency-like metrics measured 10-100 times a side.</summary>
public sealed record ComparisonOptions
{
    /// <summary>The metric's declared direction decides which way is worse.</summary>
    public bool LowerIsBetter { get; init; } = true;

    /// <summary>
    /// The smallest relative change worth failing a build for. 2% by default: small enough that a 5% slowdown is
    /// caught nearly always with 30 samples of 3% noise, large enough that sub-percent drift does not fail builds.
    /// </summary>
    public double PracticalThreshold { get; init; } = 0.02;

    /// <summary>
    /// Two-sided significance level. 0.001 keeps the false-positive rate at most 1% for a gate of about ten
    /// independent comparisons (each can only fire one way: 0.0005 x 10 = 0.5%).
    /// </summary>
    public double Alpha { get; init; } = 0.001;

    /// <summary>Level of the reported interval of the relative change, also used to rule a change out.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Run-to-run noise of this device and workload from history; widens the threshold when noisy.</summary>
    public NoiseModel? Noise { get; init; }

    public bool DetectMultimodality { get; init; } = true;

    public static ComparisonOptions Default { get; } = new();

    internal void Validate()
    {
        if (!(PracticalThreshold >= 0) || !double.IsFinite(PracticalThreshold))
        {
            throw new ArgumentOutOfRangeException(nameof(PracticalThreshold), PracticalThreshold, "The practical threshold must be a finite relative change >= 0 (0.05 = 5%).");
        }

        if (!(Alpha > 0 && Alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "Alpha must lie strictly between 0 and 1.");
        }

        if (!(ConfidenceLevel > 0 && ConfidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ConfidenceLevel), ConfidenceLevel, "The confidence level must lie strictly between 0 and 1.");
        }
    }
}
