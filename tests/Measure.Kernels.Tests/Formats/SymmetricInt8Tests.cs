using Measure.Kernels.Formats;

namespace Measure.Kernels.Tests.Formats;

public class SymmetricInt8Tests
{
    [Fact]
    public void QuantizePerChannel_RandomRows_RoundTripWithinHalfAStepPerRow()
    {
        var weights = TestData.Floats(new Random(6), 5 * 40, 3f);
        var q = new sbyte[weights.Length];
        var scales = new float[5];
        SymmetricInt8.QuantizePerChannel(weights, 5, 40, q, scales);
        var restored = new float[weights.Length];
        SymmetricInt8.DequantizePerChannel(q, scales, 5, 40, restored);
        for (int i = 0; i < weights.Length; i++)
        {
            Assert.InRange(MathF.Abs(restored[i] - weights[i]), 0f, (scales[i / 40] * 0.5f) + 1e-6f);
            Assert.InRange(q[i], -127, 127);
        }
    }

    [Fact]
    public void Quantize_AllZeros_ReturnsZeroScale()
    {
        var q = new sbyte[3];
        Assert.Equal(0f, SymmetricInt8.Quantize(new float[3], q));
        Assert.All(q, v => Assert.Equal(0, v));
    }

    [Fact]
    public void QuantizePerChannel_ScalesWrongLength_ThrowsNamingScales()
    {
        var error = Assert.Throws<ArgumentException>(() => SymmetricInt8.QuantizePerChannel(new float[6], 2, 3, new sbyte[6], new float[3]));
        Assert.Equal("scales", error.ParamName);
    }
}
