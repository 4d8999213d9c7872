using Measure.Kernels.Threading;
using Measure.Kernels.Vision;

namespace Measure.Kernels.Tests.Vision;

public class PoolingTests
{
    [Fact]
    public void MaxAndAverage_TwoByTwoStrideTwo_PoolEachChannelWindow()
    {
        // 2x4 image, 2 channels; channel 1 is channel 0 negated.
        float[] x = [1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6, 7, -7, 8, -8];
        var input = new ImageShape(2, 4, 2);
        var max = new float[4];
        var average = new float[4];
        Pooling.Max(KernelContext.Default, input, x, 2, 2, max);
        Pooling.Average(KernelContext.Default, input, x, 2, 2, average);
        Assert.Equal([6f, -1, 8, -3], max);
        Assert.Equal([3.5f, -3.5f, 5.5f, -5.5f], average);
    }

    [Fact]
    public void GlobalAverage_RandomImage_MeanPerChannel()
    {
        var input = new ImageShape(3, 5, 7);
        var x = TestData.Floats(new Random(8), input.Length);
        var y = new float[7];
        Pooling.GlobalAverage(KernelContext.Default, input, x, y);
        for (int c = 0; c < 7; c++)
        {
            double expected = Enumerable.Range(0, 15).Average(p => (double)x[(p * 7) + c]);
            Assert.InRange(y[c], expected - 1e-6, expected + 1e-6);
        }
    }

    [Fact]
    public void Max_WindowLargerThanImage_ThrowsNamingKernel()
    {
        var error = Assert.Throws<ArgumentException>(() => Pooling.Max(KernelContext.Default, new ImageShape(2, 2, 1), new float[4], 3, 1, new float[1]));
        Assert.Equal("kernel", error.ParamName);
    }
}
