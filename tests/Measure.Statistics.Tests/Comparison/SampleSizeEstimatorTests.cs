using Measure.Statistics.Comparison;

namespace Measure.Statistics.Tests.Comparison;

public class SampleSizeEstimatorTests
{
    [Fact]
    public void AdditionalPerSide_HalveTheWidth_NeedsFourTimesTheSamples()
    {
        Assert.Equal(30, SampleSizeEstimator.AdditionalPerSide(10, 10, 0.5));
    }

    [Fact]
    public void AdditionalPerSide_AlreadyNarrowEnough_IsZero()
    {
        Assert.Equal(0, SampleSizeEstimator.AdditionalPerSide(10, 10, 1.2));
    }

    [Fact]
    public void AdditionalPerSide_Hopeless_IsNull()
    {
        Assert.Null(SampleSizeEstimator.AdditionalPerSide(10, 10, 1e-6));
        Assert.Null(SampleSizeEstimator.AdditionalPerSide(10, 10, 0));
    }
}
