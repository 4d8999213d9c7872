using Measure.Statistics.Comparison;

namespace Measure.Cli.Gate;

/// <summary>One line of the gate's verdict: a workload's metric, baseline against candidate.</summary>
public sealed record GateComparison(
    string Device,
    string Workload,
    string Precision,
    int Threads,
    string Metric,
    string Unit,
    int BaselineSamples,
    int CandidateSamples,
    double BaselineMedian,
    double CandidateMedian,
    ComparisonResult Result);
