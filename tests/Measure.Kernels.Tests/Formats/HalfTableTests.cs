using Measure.Kernels.Formats;

namespace Measure.Kernels.Tests.Formats;

public class HalfTableTests
{
    [Fact]
    public unsafe void Values_EveryBitPattern_IdenticalToScalarConversion()
    {
        for (int bits = 0; bits <= ushort.MaxValue; bits++)
        {
            uint expected = BitConverter.SingleToUInt32Bits(HalfConversion.ToSingle((ushort)bits));
            uint actual = BitConverter.SingleToUInt32Bits(HalfTable.Values[bits]);
            Assert.True(expected == actual, $"FP16 0x{bits:X4}: expected 0x{expected:X8}, got 0x{actual:X8}");
        }
    }
}
