using Measure.Kernels.Formats;
using Measure.Kernels.Tests.Linear;
using Measure.Kernels.Threading;
using Measure.Kernels.Vision;

namespace Measure.Kernels.Tests.Vision;

public class Conv2dTests
{
    [Fact]
    public void Conv3x3_F32AndF16_RandomShapesEveryIsa_MatchDoubleReference() =>
        TestData.Check(7, 10, (size, channels, seed) =>
        {
            var random = new Random(seed);
            var input = new ImageShape(size + 1, random.Next(1, 9), channels + 1);
            int outChannels = random.Next(1, 11);
            int stride = random.Next(1, 3);
            var x = TestData.Floats(random, input.Length);
            var weights = TestData.Floats(random, outChannels * 9 * input.Channels);
            var halves = GemvReference.ToHalves(weights);
            var bias = TestData.Floats(random, outChannels);
            var output = input.Conv3x3Output(stride, outChannels);
            var expected = VisionReference.Conv(input, x, weights, bias, outChannels, 3, stride);
            var expectedHalf = VisionReference.Conv(input, x, GemvReference.Widen(halves), bias, outChannels, 3, stride);
            foreach (var isa in TestData.Isas)
            {
                using var context = new KernelContext(2, isa);
                var y = new float[output.Length];
                Conv2d.Conv3x3(context, input, x, weights, bias, outChannels, stride, y);
                VisionReference.AssertClose(expected, y, 1e-5, $"f32 {isa}");
                Conv2d.Conv3x3(context, input, x, halves, bias, outChannels, stride, y);
                VisionReference.AssertClose(expectedHalf, y, 1e-5, $"f16 {isa}");
            }
        }, runs: 30);

    [Fact]
    public void Int8Convolutions_RandomShapesEveryIsa_BitIdenticalToReferenceFormula() =>
        TestData.Check(7, 40, (size, channels, seed) =>
        {
            var random = new Random(seed);
            var input = new ImageShape(size + 1, random.Next(1, 9), channels + 1);
            int outChannels = random.Next(1, 11);
            int stride = random.Next(1, 3);
            var x = TestData.Floats(random, input.Length, 3f);
            var w3 = new sbyte[outChannels * 9 * input.Channels];
            var s3 = new float[outChannels];
            SymmetricInt8.QuantizePerChannel(TestData.Floats(random, w3.Length), outChannels, 9 * input.Channels, w3, s3);
            var w1 = new sbyte[outChannels * input.Channels];
            var s1 = new float[outChannels];
            SymmetricInt8.QuantizePerChannel(TestData.Floats(random, w1.Length), outChannels, input.Channels, w1, s1);
            var bias = TestData.Floats(random, outChannels);
            var expected3 = VisionReference.ConvInt8(input, x, w3, s3, bias, outChannels, 3, stride);
            var expected1 = VisionReference.ConvInt8(input, x, w1, s1, bias, outChannels, 1, 1);
            foreach (var isa in TestData.Isas)
            {
                using var context = new KernelContext(2, isa);
                var y3 = new float[input.Conv3x3Output(stride, outChannels).Length];
                Conv2d.Conv3x3(context, input, x, w3, s3, bias, outChannels, stride, y3);
                GemvTests.AssertBitIdentical(expected3, y3, $"3x3 {isa}");
                var y1 = new float[input.Pixels * outChannels];
                Conv2d.Pointwise(context, input, x, w1, s1, bias, outChannels, y1);
                GemvTests.AssertBitIdentical(expected1, y1, $"1x1 {isa}");
            }
        }, runs: 30);

    [Fact]
    public void Pointwise_F32AndF16_MatchDoubleReference()
    {
        var random = new Random(9);
        var input = new ImageShape(5, 7, 19);
        var x = TestData.Floats(random, input.Length);
        var weights = TestData.Floats(random, 13 * 19);
        var halves = GemvReference.ToHalves(weights);
        foreach (var isa in TestData.Isas)
        {
            using var context = new KernelContext(2, isa);
            var y = new float[input.Pixels * 13];
            Conv2d.Pointwise(context, input, x, weights, [], 13, y);
            VisionReference.AssertClose(VisionReference.Conv(input, x, weights, null, 13, 1, 1), y, 1e-5, $"f32 {isa}");
            Conv2d.Pointwise(context, input, x, halves, [], 13, y);
            VisionReference.AssertClose(VisionReference.Conv(input, x, GemvReference.Widen(halves), null, 13, 1, 1), y, 1e-5, $"f16 {isa}");
        }
    }

    [Fact]
    public void Conv3x3_StrideThree_ThrowsNamingStride()
    {
        var input = new ImageShape(4, 4, 2);
        var error = Assert.Throws<ArgumentException>(() =>
            Conv2d.Conv3x3(KernelContext.Default, input, new float[32], new float[3 * 18], [], 3, 3, new float[12]));
        Assert.Equal("stride", error.ParamName);
    }

    [Fact]
    public void Conv3x3_OutputWrongSize_ThrowsNamingY()
    {
        var input = new ImageShape(4, 4, 2);
        var error = Assert.Throws<ArgumentException>(() =>
            Conv2d.Conv3x3(KernelContext.Default, input, new float[32], new float[3 * 18], [], 3, 2, new float[13]));
        Assert.Equal("y", error.ParamName);
    }

    [Fact]
    public void Pointwise_InputNotMatchingShape_ThrowsNamingX()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Conv2d.Pointwise(KernelContext.Default, new ImageShape(2, 2, 3), new float[11], new float[6], [], 2, new float[8]));
        Assert.Equal("x", error.ParamName);
    }
}
