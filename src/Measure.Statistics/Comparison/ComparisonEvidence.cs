using Measure.Statistics.Inference;

namespace Measure.Statistics.Comparison;

/// <summary>
/// What a verdict rests on. RelativeChange is candidate versus baseline (+0.05: the candidate is 5% larger),
/// whatever the metric's direction; RelativeThreshold is the threshold actually applied (after noise widening).
/// </summary>
public sealed record ComparisonEvidence(
    double BaselineCenter,
    double CandidateCenter,
    int BaselineCount,
    int CandidateCount,
    double RelativeChange,
    double AbsoluteChange,
    ConfidenceInterval? RelativeChangeInterval,
    double? PValue,
    double? RelativeThreshold,
    double? AbsoluteThreshold,
    bool LowerIsBetter,
    string Method,
    ComparisonFlags Flags);
