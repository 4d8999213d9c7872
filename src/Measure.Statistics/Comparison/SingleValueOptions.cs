namespace Measure.Statistics.Comparison;

/// <summary>
/// Thresholds for single-valued metrics (top-1 agreement, KL divergence, perplexity). When both are set, a change
/// must exceed both: a KL divergence going from 0.001 to 0.002 doubles but matters to nobody.
/// </summary>
public sealed record SingleValueOptions
{
    public bool LowerIsBetter { get; init; }

    /// <summary>Largest tolerated worsening in the metric's own unit (0.01 = one point of top-1 agreement).</summary>
    public double? AbsoluteThreshold { get; init; }

    /// <summary>Largest tolerated relative worsening (0.05 = 5%).</summary>
    public double? RelativeThreshold { get; init; }

    internal void Validate()
    {
        if (AbsoluteThreshold is null && RelativeThreshold is null)
        {
            throw new ArgumentException("Set AbsoluteThreshold, RelativeThreshold or both.", nameof(AbsoluteThreshold));
        }

        if (AbsoluteThreshold is { } absolute && !(absolute >= 0 && double.IsFinite(absolute)))
        {
            throw new ArgumentOutOfRangeException(nameof(AbsoluteThreshold), absolute, "The absolute threshold must be finite and >= 0.");
        }

        if (RelativeThreshold is { } relative && !(relative >= 0 && double.IsFinite(relative)))
        {
            throw new ArgumentOutOfRangeException(nameof(RelativeThreshold), relative, "The relative threshold must be finite and >= 0.");
        }
    }
}
