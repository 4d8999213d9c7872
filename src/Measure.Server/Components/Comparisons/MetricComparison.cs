using Measure.Contracts;
using Measure.Statistics.Comparison;

namespace Measure.Server.Components.Comparisons;

/// <summary>One metric of one workload, candidate against baseline: the statistics' verdict, or why there is none.</summary>
public sealed record MetricComparison(
    string Workload,
    string Metric,
    MetricDeclaration? Declaration,
    Guid CandidateRun,
    string CandidateLabel,
    ComparisonResult? Result,
    string? NotCompared)
{
    /// <summary>What a reader needs: better / worse / no significant change / inconclusive, in the metric's own direction.</summary>
    public string VerdictText => Result?.Verdict switch
    {
        Verdict.Improvement => "better",
        Verdict.Regression => "worse",
        Verdict.NoChange => "no significant change",
        Verdict.Inconclusive => "inconclusive",
        _ => "not compared",
    };

    public string VerdictClass => Result?.Verdict switch
    {
        Verdict.Improvement => "better",
        Verdict.Regression => "worse",
        Verdict.NoChange => "same",
        _ => "unknown",
    };
}
