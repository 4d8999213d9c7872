namespace Measure.Statistics.Inference;

public enum PValueMethod
{
    /// <summary>Exact permutation distribution of U (small samples, no ties).</summary>
    Exact,

    /// <summary>Normal approximation with tie and continuity correction.</summary>
    NormalApproximation,
}
