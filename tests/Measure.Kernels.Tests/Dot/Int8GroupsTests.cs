using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Measure.Kernels.Dot;

namespace Measure.Kernels.Tests.Dot;

public class Int8GroupsTests
{
    [Fact]
    public unsafe void Dot128AndPortable_RandomBytesIncludingMinus128Weights_MatchScalarGroups()
    {
        var random = new Random(11);
        sbyte* a = stackalloc sbyte[32];
        sbyte* b = stackalloc sbyte[32];
        for (int trial = 0; trial < 2000; trial++)
        {
            Fill(random, a, b, trial);
            var fast = Int8Groups.Dot128(Vector128.Load(a), Vector128.Load(b));
            var portable = Int8Groups.Dot128Portable(Vector128.Load(a), Vector128.Load(b));
            for (int j = 0; j < 4; j++)
            {
                int expected = Int8Groups.DotScalar(a + (4 * j), b + (4 * j));
                Assert.Equal(expected, fast.GetElement(j));
                Assert.Equal(expected, portable.GetElement(j));
            }
        }
    }

    [Fact]
    public unsafe void Dot256_RandomBytesIncludingMinus128Weights_MatchesScalarGroups()
    {
        if (!Avx2.IsSupported)
        {
            return;
        }

        var random = new Random(12);
        sbyte* a = stackalloc sbyte[32];
        sbyte* b = stackalloc sbyte[32];
        for (int trial = 0; trial < 2000; trial++)
        {
            Fill(random, a, b, trial);
            var groups = Int8Groups.Dot256(Vector256.Load(a), Vector256.Load(b));
            for (int j = 0; j < 8; j++)
            {
                Assert.Equal(Int8Groups.DotScalar(a + (4 * j), b + (4 * j)), groups.GetElement(j));
            }
        }
    }

    // Extremes on alternate trials: weights at -128/127 and activations at +-127 stress saturation.
    private static unsafe void Fill(Random random, sbyte* a, sbyte* b, int trial)
    {
        for (int i = 0; i < 32; i++)
        {
            bool extreme = trial % 2 == 0;
            a[i] = extreme ? (random.Next(2) == 0 ? sbyte.MinValue : sbyte.MaxValue) : (sbyte)random.Next(-128, 128);
            b[i] = extreme ? (sbyte)(random.Next(2) == 0 ? -127 : 127) : (sbyte)random.Next(-127, 128);
        }
    }
}
