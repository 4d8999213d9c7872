using FsCheck;
using FsCheck.Fluent;
using Measure.Contracts;
using Measure.Statistics.Descriptive;
using Measure.Tests.Shared;

namespace Measure.Storage.Tests;

/// <summary>Summaries found by selection must be exactly those of a full sort.</summary>
public sealed class WorkloadSummariesTests
{
    private static MetricSummary Summarise(double[] samples) =>
        WorkloadSummaries.Compute(SampleReports.Valid().Workloads[0] with { Samples = [new SampleSeries("latency", samples)], Values = null }).Single();

    private static void AssertLikeSorted(double[] samples)
    {
        var sorted = samples.Order().ToArray();
        var before = samples.ToArray();

        var summary = Summarise(samples);

        Assert.Equal(samples.Length, summary.Count);
        Assert.Equal(Quantiles.Type7Sorted(sorted, 0.5), summary.Median);
        Assert.Equal(Quantiles.Type7Sorted(sorted, 0.9), summary.P90);
        Assert.Equal(Quantiles.Type7Sorted(sorted, 0.99), summary.P99);
        Assert.Equal(sorted[0], summary.Min);
        Assert.Equal(sorted[^1], summary.Max);
        Assert.Equal(sorted.Average(), summary.Mean!.Value, 1e-9 * Math.Max(1, Math.Abs(sorted.Average())));
        Assert.Equal(before, samples);
    }

    [Fact]
    public void Compute_AnySamples_QuantilesEqualThoseOfASortedCopy()
    {
        // Few distinct values as well as many, so ties around every quantile are exercised.
        var sample = Gen.Choose(-50, 50).Select(i => i / 4.0).ArrayOf().Where(a => a.Length > 0);
        Prop.ForAll(sample.ToArbitrary(), samples => AssertLikeSorted(samples)).QuickCheckThrowOnFailure();
        Prop.ForAll(ArbMap.Default.ArbFor<NormalFloat>().Generator.Select(f => f.Get).ArrayOf().Where(a => a.Length > 0).ToArbitrary(),
            samples => AssertLikeSorted(samples)).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("ascending")]
    [InlineData("descending")]
    [InlineData("constant")]
    [InlineData("organ pipe")]
    [InlineData("sawtooth")]
    public void Compute_TenThousandSamplesInAWorstCaseShape_QuantilesEqualThoseOfASortedCopy(string shape)
    {
        const int n = 10_000;
        var samples = Enumerable.Range(0, n).Select(i => shape switch
        {
            "ascending" => i,
            "descending" => n - i,
            "constant" => 3.0,
            "organ pipe" => Math.Min(i, n - i),
            _ => i % 17,
        } * 1.0).ToArray();

        AssertLikeSorted(samples);
    }

    [Fact]
    public void Compute_OneSample_EveryQuantileIsThatSample()
    {
        var summary = Summarise([2.5]);

        Assert.Equal((2.5, 2.5, 2.5, 2.5, 2.5, 2.5), (summary.Median, summary.P90, summary.P99, summary.Min, summary.Max, summary.Mean));
    }
}
