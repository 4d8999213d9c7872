namespace Measure.Statistics.Detection;

public sealed record ChangePointOptions
{
    /// <summary>Shortest segment; a lone outlier or two cannot become a "segment".</summary>
    public int MinSegmentLength { get; init; } = 5;

    /// <summary>
    /// Penalty per change point, in multiples of ln(n) of the Laplace negative log-likelihood. 3 is deliberately
    /// conservative: nightly alerts that cry wolf get ignored.
    /// </summary>
    public double PenaltyFactor { get; init; } = 3;

    /// <summary>Shifts smaller than this relative change are not reported, however significant.</summary>
    public double MinimumRelativeChange { get; init; }

    public static ChangePointOptions Default { get; } = new();

    internal void Validate()
    {
        if (MinSegmentLength < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MinSegmentLength), MinSegmentLength, "MinSegmentLength must be >= 2.");
        }

        if (!(PenaltyFactor > 0) || !double.IsFinite(PenaltyFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(PenaltyFactor), PenaltyFactor, "PenaltyFactor must be finite and > 0.");
        }

        if (!(MinimumRelativeChange >= 0) || !double.IsFinite(MinimumRelativeChange))
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumRelativeChange), MinimumRelativeChange, "MinimumRelativeChange must be finite and >= 0.");
        }
    }
}
