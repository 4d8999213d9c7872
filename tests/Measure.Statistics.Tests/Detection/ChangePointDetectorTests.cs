using Measure.Statistics.Detection;
using Measure.Statistics.Tests.Support;

namespace Measure.Statistics.Tests.Detection;

public class ChangePointDetectorTests
{
    [Fact]
    public void Detect_PlantedStepsOfTenAndMinusFivePercent_FindsBothNearTheirIndices()
    {
        var noise = Synthetic.LogNormal(150, 1, 0.01, seed: 21);
        var series = noise.Select((x, i) => x * (i < 60 ? 100 : i < 110 ? 110 : 104.5)).ToArray();
        var points = ChangePointDetector.Detect(series, ChangePointOptions.Default);
        Assert.Equal(2, points.Count);
        Assert.InRange(points[0].Index, 58, 62);
        Assert.InRange(points[1].Index, 108, 112);
        Assert.Equal(0.10, points[0].RelativeChange, 0.01);
        Assert.Equal(-0.05, points[1].RelativeChange, 0.01);
    }

    [Fact]
    public void Detect_StationaryNoiseWithOutliers_FindsNothing()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var series = Synthetic.LogNormal(200, 100, 0.03, seed);
            series[50] = 400;
            series[120] = 350;
            Assert.Empty(ChangePointDetector.Detect(series, ChangePointOptions.Default));
        }
    }

    [Fact]
    public void Detect_ShiftBelowMinimumRelativeChange_IsNotReported()
    {
        var noise = Synthetic.LogNormal(100, 1, 0.001, seed: 22);
        var series = noise.Select((x, i) => x * (i < 50 ? 100 : 100.5)).ToArray();
        Assert.Single(ChangePointDetector.Detect(series, ChangePointOptions.Default));
        Assert.Empty(ChangePointDetector.Detect(series, ChangePointOptions.Default with { MinimumRelativeChange = 0.01 }));
    }

    [Fact]
    public void Detect_ConstantOrShortSeries_FindsNothing()
    {
        Assert.Empty(ChangePointDetector.Detect(Enumerable.Repeat(5.0, 50).ToArray(), ChangePointOptions.Default));
        Assert.Empty(ChangePointDetector.Detect([1.0, 2, 3], ChangePointOptions.Default));
    }

    [Fact]
    public void Detect_NaNInSeries_ThrowsNamingParameter()
    {
        var error = Assert.Throws<ArgumentException>(() => ChangePointDetector.Detect([1.0, double.NaN], ChangePointOptions.Default));
        Assert.Equal("series", error.ParamName);
    }
}
