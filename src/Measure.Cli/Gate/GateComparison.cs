using Measure.Statistics.Comparison;

namespace Measure.Cli.Gate;

/// <summary>One line of the gate's verdict: a workload's metric on one device, baseline against candidate.</summary>
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
    ComparisonResult Result,
    ComparisonKind Kind = ComparisonKind.Samples,
    string ComparabilityKey = "",
    Guid BaselineRunId = default,
    Guid CandidateRunId = default)
{
    /// <summary>Workload, precision and threads: how a row is named in every output.</summary>
    public string Subject => $"{Workload} {Precision} x{Threads}";

    public Verdict Verdict => Result.Verdict;
}
