using Measure.Kernels.Formats;

namespace Measure.Kernels.Tests.Formats;

public class Q8_0Tests
{
    [Fact]
    public void Quantize_RandomBlocks_RoundTripsWithinHalfAStep()
    {
        var random = new Random(7);
        var values = TestData.Floats(random, 32 * 50, 3f);
        var blocks = new byte[Q8_0.ByteCount(values.Length)];
        Q8_0.Quantize(values, blocks);
        var restored = new float[values.Length];
        Q8_0.Dequantize(blocks, restored);
        for (int b = 0; b < 50; b++)
        {
            float amax = values.AsSpan(b * 32, 32).ToArray().Max(MathF.Abs);
            float step = amax / 127f;
            for (int i = b * 32; i < (b + 1) * 32; i++)
            {
                // Half a step from rounding plus the FP16 rounding of the scale (relative 2^-11 of 127 steps).
                Assert.InRange(MathF.Abs(restored[i] - values[i]), 0f, (step * 0.5f) + (amax * 0.001f));
            }
        }
    }

    [Fact]
    public void Quantize_LargestMagnitude_MapsTo127WithScaleMaxOver127()
    {
        var values = new float[32];
        values[5] = -2.54f;
        values[9] = 1f;
        var block = new byte[34];
        Q8_0.Quantize(values, block);
        Assert.Equal((Half)(2.54f / 127f), BitConverter.UInt16BitsToHalf((ushort)(block[0] | (block[1] << 8))));
        Assert.Equal(-127, (sbyte)block[2 + 5]);
        Assert.Equal(50, (sbyte)block[2 + 9]);
    }

    [Fact]
    public void Quantize_AllZeros_GivesZeroScaleAndQuants()
    {
        var block = new byte[34];
        Array.Fill(block, (byte)0xFF);
        Q8_0.Quantize(new float[32], block);
        Assert.All(block, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Quantize_Empty_WritesNothing() => Q8_0.Quantize([], []);

    [Theory]
    [InlineData(31)]
    [InlineData(33)]
    public void Quantize_NotWholeBlocks_ThrowsNamingSource(int count)
    {
        var error = Assert.Throws<ArgumentException>(() => Q8_0.Quantize(new float[count], new byte[68]));
        Assert.Equal("source", error.ParamName);
    }

    [Fact]
    public void Quantize_WrongDestinationSize_ThrowsNamingDestination()
    {
        var error = Assert.Throws<ArgumentException>(() => Q8_0.Quantize(new float[64], new byte[67]));
        Assert.Equal("destination", error.ParamName);
    }

    [Fact]
    public void Dequantize_PartialBlock_ThrowsNamingSource()
    {
        var error = Assert.Throws<ArgumentException>(() => Q8_0.Dequantize(new byte[35], new float[32]));
        Assert.Equal("source", error.ParamName);
    }
}
