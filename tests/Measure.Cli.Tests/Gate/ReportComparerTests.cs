using Measure.Cli.Gate;
using Measure.Contracts;
using Measure.Statistics.Comparison;
using static Measure.Cli.Tests.GateReports;

namespace Measure.Cli.Tests.Gate;

public class ReportComparerTests
{
    private static readonly GatePolicy Policy = GatePolicy.Standard;

    [Fact]
    public void Compare_TwoDevicesInOneCall_PairsEachWithItsOwnBaseline()
    {
        var quietBase = Run(LogNormal(1, 30, 10, 0.03), cpu: "EPYC");
        var quietSlow = Run(LogNormal(2, 30, 11, 0.03), cpu: "EPYC"); // +10%
        var piBase = Run(LogNormal(3, 30, 50, 0.03), cpu: "Cortex-A76");
        var piSame = Run(LogNormal(4, 30, 50, 0.03), cpu: "Cortex-A76");

        var report = ReportComparer.Compare([quietBase, piBase], [piSame, quietSlow], Policy, HistoryIndex.Empty);

        var latency = report.Comparisons.Where(c => c.Metric == "latency").ToDictionary(c => c.Device.Contains("EPYC", StringComparison.Ordinal));
        Assert.Equal(2, latency.Count);
        Assert.Equal(Verdict.Regression, latency[true].Verdict);
        Assert.NotEqual(Verdict.Regression, latency[false].Verdict);
        Assert.Equal(piBase.RunId, latency[false].BaselineRunId);
        Assert.Equal(ExitCodes.Regression, report.ExitCode(strict: false));
    }

    [Fact]
    public void Compare_FasterButLessAccurate_FailsOnAccuracy()
    {
        var baseline = Run(LogNormal(5, 30, 10, 0.03), top1: 0.98);
        var int8 = Run(LogNormal(6, 30, 7, 0.03), top1: 0.90); // 30% faster, 8% worse agreement

        var report = ReportComparer.Compare([baseline], [int8], GatePolicy.Parse(["top1_agreement=abs:0.02"]), HistoryIndex.Empty);

        Assert.Equal(Verdict.Improvement, report.Comparisons.Single(c => c.Metric == "latency").Verdict);
        var accuracy = report.Comparisons.Single(c => c.Metric == "top1_agreement");
        Assert.Equal(ComparisonKind.SingleValue, accuracy.Kind);
        Assert.Equal(Verdict.Regression, accuracy.Verdict);
        Assert.True(report.HasRegression);
    }

    [Fact]
    public void Compare_AccuracyWithinThreshold_Passes()
    {
        var report = ReportComparer.Compare([Run(LogNormal(7, 30, 10, 0.03), top1: 0.98)], [Run(LogNormal(8, 30, 10, 0.03), top1: 0.975)],
            GatePolicy.Parse(["top1_agreement=abs:0.01"]), HistoryIndex.Empty);
        Assert.Equal(Verdict.NoChange, report.Comparisons.Single(c => c.Metric == "top1_agreement").Verdict);
        Assert.Equal(ExitCodes.Pass, report.ExitCode(strict: true));
    }

    [Fact]
    public void Compare_DerivedSpeedValue_IsNotGatedTwice()
    {
        var report = ReportComparer.Compare([Run(LogNormal(9, 30, 10, 0.03))], [Run(LogNormal(10, 30, 10, 0.03))], Policy, HistoryIndex.Empty);
        Assert.DoesNotContain(report.Comparisons, c => c.Metric == "weight_bandwidth");
    }

    [Fact]
    public void Compare_ValueUnavailableOnOneSide_IsListedNotCompared()
    {
        var report = ReportComparer.Compare([Run(LogNormal(11, 30, 10, 0.03), top1: null)], [Run(LogNormal(12, 30, 10, 0.03))], Policy, HistoryIndex.Empty);
        Assert.DoesNotContain(report.Comparisons, c => c.Metric == "top1_agreement");
        Assert.Contains(report.Unmatched, u => u.Contains("top1_agreement", StringComparison.Ordinal) && u.Contains("baseline", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_DifferentDeviceModel_IsNotComparedAndListed()
    {
        var report = ReportComparer.Compare([Run(LogNormal(13, 30, 10, 0.03), cpu: "EPYC")], [Run(LogNormal(14, 30, 10, 0.03), cpu: "Xeon")], Policy, HistoryIndex.Empty);
        Assert.Empty(report.Comparisons);
        Assert.Contains(report.Unmatched, u => u.Contains("no comparable baseline", StringComparison.Ordinal));
        Assert.Contains(report.Unmatched, u => u.Contains("not in the candidate", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_NoisyDeviceHistory_WidensThresholdSoSmallShiftPasses()
    {
        var baseline = Run(LogNormal(15, 50, 10, 0.01));
        var candidate = Run(LogNormal(16, 50, 10.4, 0.01)); // +4%: a regression on a quiet device
        // Twenty earlier runs whose medians wander by about 5% from run to run.
        var centers = LogNormal(200, 20, 10, 0.05);
        var history = centers.Select((center, i) => Run(LogNormal(100 + i, 50, center, 0.01))).ToList();

        var without = ReportComparer.Compare([baseline], [candidate], Policy, HistoryIndex.Empty).Comparisons.Single(c => c.Metric == "latency");
        var with = ReportComparer.Compare([baseline], [candidate], Policy, new HistoryIndex(history, [baseline.RunId, candidate.RunId]))
            .Comparisons.Single(c => c.Metric == "latency");

        Assert.Equal(Verdict.Regression, without.Verdict);
        Assert.NotEqual(Verdict.Regression, with.Verdict);
        Assert.True(with.Result.Flags.HasFlag(ComparisonFlags.ThresholdWidenedByNoise));
        Assert.True(with.Result.Threshold > Policy.DefaultThreshold.Value);
    }

    [Fact]
    public void Compare_FewNoisySamples_IsInconclusiveWithSamplesToDecide()
    {
        var report = ReportComparer.Compare([Run(LogNormal(17, 5, 10, 0.10))], [Run(LogNormal(18, 5, 10.3, 0.10))], Policy, HistoryIndex.Empty);
        var latency = report.Comparisons.Single(c => c.Metric == "latency");
        Assert.Equal(Verdict.Inconclusive, latency.Verdict);
        Assert.True(latency.Result.AdditionalSamplesPerSide > 0);
        Assert.Equal(ExitCodes.Pass, report.ExitCode(strict: false));
        Assert.Equal(ExitCodes.Inconclusive, report.ExitCode(strict: true));
    }

    [Fact]
    public void Compare_SeveralBaselinesWithSameKey_UsesTheNewest()
    {
        var old = Run(LogNormal(19, 30, 20, 0.03), startedAt: new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        var recent = Run(LogNormal(20, 30, 10, 0.03), startedAt: new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero));
        var report = ReportComparer.Compare([recent, old], [Run(LogNormal(21, 30, 10, 0.03))], Policy, HistoryIndex.Empty);
        Assert.Equal(recent.RunId, report.Comparisons.Single(c => c.Metric == "latency").BaselineRunId);
    }

    [Fact]
    public void HistoryIndex_ExcludesComparedRunsAndDuplicates()
    {
        var baseline = Run(LogNormal(22, 10, 10, 0.03));
        var earlier = Run(LogNormal(23, 10, 10, 0.03));
        var index = new HistoryIndex([baseline, earlier, earlier], [baseline.RunId]);
        Assert.Equal(1, index.RunCount);
        var key = ComparabilityKey.Compute(earlier.Workloads[0], earlier.Device, earlier.Suite);
        Assert.Equal(1, index.NoiseFor(key, "latency")!.RunCount);
        Assert.Null(index.NoiseFor(key, "throughput"));
    }
}
