namespace Measure.Statistics.Inference;

/// <summary>Which departure from "same distribution" a test looks for, phrased from the candidate's side.</summary>
public enum TestAlternative
{
    TwoSided,

    /// <summary>The candidate tends to be larger than the baseline.</summary>
    Greater,

    /// <summary>The candidate tends to be smaller than the baseline.</summary>
    Less,
}
