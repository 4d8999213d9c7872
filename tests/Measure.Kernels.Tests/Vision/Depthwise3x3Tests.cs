using Measure.Kernels.Formats;
using Measure.Kernels.Tests.Linear;
using Measure.Kernels.Threading;
using Measure.Kernels.Vision;

namespace Measure.Kernels.Tests.Vision;

public class Depthwise3x3Tests
{
    [Fact]
    public void Apply_F32AndF16_RandomShapesEveryIsa_MatchDoubleReference() =>
        TestData.Check(8, 40, (size, channels, seed) =>
        {
            var random = new Random(seed);
            var input = new ImageShape(size + 1, random.Next(1, 10), channels + 1);
            int stride = random.Next(1, 3);
            var x = TestData.Floats(random, input.Length);
            var weights = TestData.Floats(random, 9 * input.Channels);
            var halves = GemvReference.ToHalves(weights);
            var bias = TestData.Floats(random, input.Channels);
            var expected = VisionReference.Depthwise(input, x, weights, bias, stride);
            var expectedHalf = VisionReference.Depthwise(input, x, GemvReference.Widen(halves), bias, stride);
            foreach (var isa in TestData.Isas)
            {
                using var context = new KernelContext(2, isa);
                var y = new float[input.Conv3x3Output(stride, input.Channels).Length];
                Depthwise3x3.Apply(context, input, x, weights, bias, stride, y);
                VisionReference.AssertClose(expected, y, 1e-6, $"f32 {isa}");
                Depthwise3x3.Apply(context, input, x, halves, bias, stride, y);
                VisionReference.AssertClose(expectedHalf, y, 1e-6, $"f16 {isa}");
            }
        }, runs: 40);

    [Fact]
    public void Apply_Int8_RandomShapesEveryIsa_BitIdenticalToReferenceFormula() =>
        TestData.Check(8, 40, (size, channels, seed) =>
        {
            var random = new Random(seed);
            var input = new ImageShape(size + 1, random.Next(1, 10), channels + 1);
            int stride = random.Next(1, 3);
            var x = TestData.Floats(random, input.Length, 2f);
            var perTap = TestData.Floats(random, 9 * input.Channels);

            // Per-channel scales over each channel's 9 taps: quantize the transposed [channels x 9] matrix.
            var transposed = new float[perTap.Length];
            for (int tap = 0; tap < 9; tap++)
            {
                for (int c = 0; c < input.Channels; c++)
                {
                    transposed[(c * 9) + tap] = perTap[(tap * input.Channels) + c];
                }
            }

            var qt = new sbyte[perTap.Length];
            var scales = new float[input.Channels];
            SymmetricInt8.QuantizePerChannel(transposed, input.Channels, 9, qt, scales);
            var weights = new sbyte[perTap.Length];
            for (int tap = 0; tap < 9; tap++)
            {
                for (int c = 0; c < input.Channels; c++)
                {
                    weights[(tap * input.Channels) + c] = qt[(c * 9) + tap];
                }
            }

            var bias = TestData.Floats(random, input.Channels);
            var xq = new sbyte[x.Length];
            float xs = SymmetricInt8.Quantize(x, xq);
            var sums = VisionReference.Depthwise(input, xq.Select(v => (float)v).ToArray(), weights.Select(v => (float)v).ToArray(), null, stride);
            var expected = sums.Select((s, i) => ((int)s * (xs * scales[i % input.Channels])) + bias[i % input.Channels]).ToArray();
            foreach (var isa in TestData.Isas)
            {
                using var context = new KernelContext(2, isa);
                var y = new float[expected.Length];
                Depthwise3x3.Apply(context, input, x, weights, scales, bias, stride, y);
                GemvTests.AssertBitIdentical(expected, y, $"int8 {isa}");
            }
        }, runs: 40);

    [Fact]
    public void Apply_WeightsNotNinePerChannel_ThrowsNamingWeights()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Depthwise3x3.Apply(KernelContext.Default, new ImageShape(3, 3, 2), new float[18], new float[17], [], 1, new float[18]));
        Assert.Equal("weights", error.ParamName);
    }
}
