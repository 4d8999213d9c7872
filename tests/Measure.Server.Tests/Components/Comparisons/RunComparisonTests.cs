using Measure.Contracts;
using Measure.Server.Components.Comparisons;
using Measure.Statistics.Comparison;
using Measure.Tests.Shared;

namespace Measure.Server.Tests.Components.Comparisons;

public sealed class RunComparisonTests
{
    private static double[] Noisy(double center, int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => center * (1 + ((random.NextDouble() - 0.5) * 0.02))).ToArray();
    }

    [Fact]
    public void Compare_SlowerCandidate_IsWorseWithIntervalAndMethod()
    {
        var baseline = SampleReports.WithLatencies(Noisy(10, 30, 1));
        var candidate = SampleReports.WithLatencies(Noisy(12, 30, 2));

        var comparisons = RunComparison.Compare(baseline, [candidate]);

        var latency = comparisons.Single(c => c.Metric == "latency");
        Assert.Equal(Verdict.Regression, latency.Result!.Verdict);
        Assert.Equal("worse", latency.VerdictText);
        Assert.InRange(latency.Result.RelativeChange, 0.15, 0.25);
        Assert.NotNull(latency.Result.RelativeChangeInterval);
        Assert.Contains("Mann-Whitney", latency.Result.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_HigherBandwidthSingleValue_IsBetterByItsDeclaredDirection()
    {
        var baseline = SampleReports.Valid(Guid.NewGuid());
        var candidate = baseline with
        {
            RunId = Guid.NewGuid(),
            Workloads = [baseline.Workloads[0] with { Values = [new MetricValue("weight_bandwidth", 6.2), new MetricValue("roofline_fraction", null, Unavailable: "device not probed")] }],
        };

        var comparisons = RunComparison.Compare(baseline, [candidate]);

        Assert.Equal("better", comparisons.Single(c => c.Metric == "weight_bandwidth").VerdictText);
        var unavailable = comparisons.Single(c => c.Metric == "roofline_fraction");
        Assert.Null(unavailable.Result);
        Assert.Equal("device not probed", unavailable.NotCompared);
    }

    [Fact]
    public void Compare_RunsOfDifferentPrecisions_PairTheOnlyCounterpart()
    {
        var baseline = SampleReports.WithLatencies(Noisy(10, 20, 3));
        var candidate = SampleReports.WithLatencies(Noisy(10, 20, 4));
        candidate = candidate with { Workloads = [candidate.Workloads[0] with { Precision = "q8_0" }] };

        var comparisons = RunComparison.Compare(baseline, [candidate]);

        Assert.Equal("gemv f32→q8_0 ×1", comparisons.Single(c => c.Metric == "latency").Workload);
    }
}
