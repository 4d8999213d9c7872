using Measure.Server.Components.Dashboards;
using Measure.Server.Components.Trends;
using Measure.Statistics.Detection;

namespace Measure.Server.Tests.Components.Trends;

public sealed class TrendSeriesTests
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Build_StepUpInLowerIsBetterMetric_IsARegressionBetweenTheRunsEitherSide()
    {
        var rows = Enumerable.Range(0, 20)
            .Select(i => TestRows.Row(latency: (i < 10 ? 10 : 13) + (0.01 * (i % 3)), at: Start.AddDays(i)))
            .Reverse() // the query returns newest first
            .ToList();

        var series = Assert.Single(TrendSeries.Build(rows, MetricReference.Of("latency"), ChangePointOptions.Default));

        Assert.Equal(20, series.Points.Count);
        Assert.True(series.Points.Zip(series.Points.Skip(1)).All(p => p.First.AtUtc < p.Second.AtUtc));
        var change = Assert.Single(series.Changes);
        Assert.Equal(10, change.Index);
        Assert.True(change.IsRegression);
        Assert.Equal(series.Points[9].RunId, change.RunBefore);
        Assert.Equal(series.Points[10].RunId, change.RunAfter);
        Assert.Equal(0.3, change.RelativeChange, 2);
    }

    [Fact]
    public void Build_StepUpInHigherIsBetterMetric_IsAnImprovement()
    {
        var rows = Enumerable.Range(0, 20).Select(i => TestRows.Row(accuracy: i < 10 ? 0.5 : 0.8, at: Start.AddDays(i))).ToList();

        var series = Assert.Single(TrendSeries.Build(rows, MetricReference.Of("top1_agreement"), ChangePointOptions.Default));

        Assert.False(Assert.Single(series.Changes).IsRegression);
    }

    [Fact]
    public void Build_DifferentComparabilityKeys_AreSeparateLines()
    {
        var rows = new[] { TestRows.Row(key: "a", at: Start), TestRows.Row(key: "b", at: Start), TestRows.Row(key: "a", at: Start.AddDays(1)) };

        var series = TrendSeries.Build(rows, MetricReference.Of("latency"), ChangePointOptions.Default);

        Assert.Equal([2, 1], series.Select(s => s.Points.Count).OrderDescending());
        Assert.All(series, s => Assert.Empty(s.Changes));
    }

    [Fact]
    public void Build_TwoDevicesOfOneModel_AreSeparateLines()
    {
        var rows = new[] { TestRows.Row(device: "a", key: "k", at: Start), TestRows.Row(device: "b", key: "k", at: Start) };

        var series = TrendSeries.Build(rows, MetricReference.Of("latency"), ChangePointOptions.Default);

        Assert.Equal(["gemv f32 ×1 on a", "gemv f32 ×1 on b"], series.Select(s => s.Label));
    }
}
