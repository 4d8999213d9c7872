using Measure.Statistics.Comparison;

namespace Measure.Cli.Gate;

/// <summary>Everything the gate decided, and the workloads it could not pair.</summary>
public sealed record GateReport(IReadOnlyList<GateComparison> Comparisons, IReadOnlyList<string> Unmatched)
{
    public bool HasRegression => Comparisons.Any(c => c.Result.Verdict == Verdict.Regression);

    public bool HasInconclusive => Comparisons.Any(c => c.Result.Verdict == Verdict.Inconclusive);

    public int ExitCode(bool strict) =>
        HasRegression ? ExitCodes.Regression
        : strict && HasInconclusive ? ExitCodes.Inconclusive
        : ExitCodes.Pass;
}
