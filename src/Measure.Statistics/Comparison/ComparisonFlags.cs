namespace Measure.Statistics.Comparison;

[Flags]
public enum ComparisonFlags
{
    None = 0,

    /// <summary>The baseline has several modes: it is compared by ranks, never averaged, and worth a look.</summary>
    MultimodalBaseline = 1,

    MultimodalCandidate = 2,

    /// <summary>A noise model from history widened the threshold beyond the practical one.</summary>
    ThresholdWidenedByNoise = 4,

    /// <summary>A noise model was given but had too few earlier runs to use.</summary>
    InsufficientHistory = 8,

    /// <summary>Too few samples for the requested interval level; the interval spans all pairwise differences.</summary>
    IntervalLevelNotAchieved = 16,

    /// <summary>Some values are zero or negative, so the change was measured on the raw scale, not the log scale.</summary>
    RawScale = 32,

    /// <summary>The baseline centre is zero, so no relative change exists.</summary>
    ZeroBaseline = 64,
}
