using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Measure.Kernels.Formats;

namespace Measure.Kernels.Tests.Formats;

public class HalfConversionTests
{
    [Fact]
    public void ToSingle_EveryBitPattern_MatchesBclConversion()
    {
        for (int bits = 0; bits <= ushort.MaxValue; bits++)
        {
            float expected = (float)BitConverter.UInt16BitsToHalf((ushort)bits);
            float actual = HalfConversion.ToSingle((ushort)bits);
            AssertSameValue(expected, actual, bits);
        }
    }

    [Fact]
    public unsafe void Load8_EveryBitPattern_MatchesScalar()
    {
        var all = AllPatterns();
        var output = new float[8];
        fixed (ushort* source = all)
        {
            for (int i = 0; i < all.Length; i += 8)
            {
                HalfConversion.Load8(source + i, out var low, out var high);
                low.CopyTo(output, 0);
                high.CopyTo(output, 4);
                for (int k = 0; k < 8; k++)
                {
                    AssertSameValue(HalfConversion.ToSingle(all[i + k]), output[k], all[i + k]);
                }
            }
        }
    }

    [Fact]
    public unsafe void Load16_EveryBitPattern_MatchesScalar()
    {
        if (!Avx2.IsSupported)
        {
            return;
        }

        var all = AllPatterns();
        var output = new float[16];
        fixed (ushort* source = all)
        {
            for (int i = 0; i < all.Length; i += 16)
            {
                HalfConversion.Load16(source + i, out var low, out var high);
                low.CopyTo(output, 0);
                high.CopyTo(output, 8);
                for (int k = 0; k < 16; k++)
                {
                    AssertSameValue(HalfConversion.ToSingle(all[i + k]), output[k], all[i + k]);
                }
            }
        }
    }

    private static ushort[] AllPatterns() => Enumerable.Range(0, 65536).Select(i => (ushort)i).ToArray();

    private static void AssertSameValue(float expected, float actual, int bits)
    {
        if (float.IsNaN(expected))
        {
            Assert.True(float.IsNaN(actual), $"0x{bits:X4} should be NaN, got {actual}");
            return;
        }

        Assert.True(
            BitConverter.SingleToUInt32Bits(expected) == BitConverter.SingleToUInt32Bits(actual),
            $"0x{bits:X4}: expected {expected}, got {actual}");
    }
}
