namespace Measure.Statistics.Inference;

/// <summary>
/// A location shift (candidate minus baseline) with its interval. LevelAchieved is false when the samples are
/// too few for the requested coverage and the interval was widened to the full range of differences.
/// </summary>
public sealed record ShiftEstimate(double Shift, ConfidenceInterval Interval, bool LevelAchieved);
