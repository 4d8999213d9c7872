using Measure.Kernels.Formats;

namespace Measure.Kernels.Tests.Formats;

public class Fp16Tests
{
    [Fact]
    public void QuantizeThenDequantize_RandomValues_WithinHalfPrecision()
    {
        var values = TestData.Floats(new Random(3), 1000, 100f);
        var halves = new Half[values.Length];
        var restored = new float[values.Length];
        Fp16.Quantize(values, halves);
        Fp16.Dequantize(halves, restored);
        for (int i = 0; i < values.Length; i++)
        {
            Assert.InRange(MathF.Abs(restored[i] - values[i]), 0f, (MathF.Abs(values[i]) * 0.0005f) + 1e-7f);
        }
    }

    [Fact]
    public void Quantize_LengthMismatch_ThrowsNamingDestination()
    {
        var error = Assert.Throws<ArgumentException>(() => Fp16.Quantize(new float[3], new Half[2]));
        Assert.Equal("destination", error.ParamName);
    }
}
