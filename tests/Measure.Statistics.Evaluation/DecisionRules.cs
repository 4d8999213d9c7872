using Measure.Statistics.Comparison;
using Measure.Statistics.Descriptive;
using Measure.Statistics.Inference;
using Measure.Statistics.Noise;

namespace Measure.Statistics.Evaluation;

/// <summary>A rule that says "regression" or not for a trial (the metric is a latency: lower is better).</summary>
internal sealed record DecisionRule(string Name, Func<Trial, bool> FlagsRegression)
{
    public static IReadOnlyList<DecisionRule> All { get; } =
    [
        new("gate (ours, with history)", GateWithHistory),
        new("gate (ours, no history)", GateWithoutHistory),
        new("mean change > 5%", t => (t.Candidate.Average() / t.Baseline.Average()) - 1 > 0.05),
        new("asv: ratio > 1.1 and MWU p < 0.002", Asv),
        new("conbench: z > 5 over history", Conbench),
    ];

    private static bool GateWithHistory(Trial trial)
    {
        var options = ComparisonOptions.Default with { Noise = NoiseModel.FromRuns(trial.History), DetectMultimodality = false };
        return SampleComparison.Compare(trial.Baseline, trial.Candidate, options).Verdict == Verdict.Regression;
    }

    private static bool GateWithoutHistory(Trial trial)
    {
        var options = ComparisonOptions.Default with { DetectMultimodality = false };
        return SampleComparison.Compare(trial.Baseline, trial.Candidate, options).Verdict == Verdict.Regression;
    }

    // asv compares the two results (medians) against a factor and, with samples, requires a significant Mann-Whitney U.
    private static bool Asv(Trial trial) =>
        Quantiles.Median(trial.Candidate) / Quantiles.Median(trial.Baseline) > 1.1
        && MannWhitneyTest.Test(trial.Baseline, trial.Candidate).PValue < 0.002;

    // Conbench: z-score of the candidate's mean against the distribution of earlier results (baseline included).
    private static bool Conbench(Trial trial)
    {
        var means = trial.History.Select(run => run.Average()).Append(trial.Baseline.Average()).ToArray();
        var mean = means.Average();
        var sd = Math.Sqrt(means.Sum(x => (x - mean) * (x - mean)) / (means.Length - 1));
        return (trial.Candidate.Average() - mean) / sd > 5;
    }
}
