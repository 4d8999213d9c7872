namespace Measure.Statistics.Evaluation;

/// <summary>One synthetic gate decision: earlier baseline runs (history), the baseline run and the candidate run.</summary>
internal sealed record Trial(IReadOnlyList<double[]> History, double[] Baseline, double[] Candidate);
