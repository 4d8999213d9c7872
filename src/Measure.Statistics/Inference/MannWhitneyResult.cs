namespace Measure.Statistics.Inference;

/// <summary>
/// U counts the (baseline, candidate) pairs where the candidate is larger, ties counting one half;
/// under "no difference" its mean is m n / 2.
/// </summary>
public sealed record MannWhitneyResult(
    double U,
    double PValue,
    TestAlternative Alternative,
    PValueMethod Method,
    int BaselineCount,
    int CandidateCount,
    bool HasTies);
