namespace Measure.Statistics.Comparison;

public enum Verdict
{
    NoChange,
    Regression,
    Improvement,

    /// <summary>The data neither show a practical change nor rule one out; more samples would decide.</summary>
    Inconclusive,
}
