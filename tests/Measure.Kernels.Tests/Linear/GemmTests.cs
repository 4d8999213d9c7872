using Measure.Kernels.Linear;
using Measure.Kernels.Threading;

namespace Measure.Kernels.Tests.Linear;

public class GemmTests
{
    [Fact]
    public void Q8_0_RandomShapesEveryIsa_EachTokenBitIdenticalToReferenceGemv() =>
        TestData.Check(23, 11, (rows, tokens, seed) =>
        {
            var random = new Random(seed);
            int cols = 32 * random.Next(0, 6);
            var weights = GemvReference.QuantizeRows(TestData.Floats(random, rows * cols, 2f));
            var x = TestData.Floats(random, tokens * cols, 4f);
            var expected = new float[tokens * rows];
            for (int t = 0; t < tokens; t++)
            {
                GemvReference.Q8_0(weights, rows, cols, x[(t * cols)..((t + 1) * cols)]).CopyTo(expected, t * rows);
            }

            foreach (var isa in TestData.Isas)
            {
                using var context = new KernelContext(2, isa);
                var y = new float[tokens * rows];
                Gemm.Q8_0(context, weights, rows, cols, x, tokens, y);
                GemvTests.AssertBitIdentical(expected, y, $"{isa} {tokens}x{rows}x{cols}");
            }
        });

    [Fact]
    public void Q8_0_LongRowsManyTokens_BitIdenticalToReferenceGemvOnEveryIsa()
    {
        // 70 blocks per row: several k-runs, whole and partial 8-block scale groups; 13 tokens: two tiles plus a tail.
        const int rows = 19, cols = 32 * 70, tokens = 13;
        var random = new Random(21);
        var weights = GemvReference.QuantizeRows(TestData.Floats(random, rows * cols, 2f));
        var x = TestData.Floats(random, tokens * cols, 4f);
        var expected = new float[tokens * rows];
        for (int t = 0; t < tokens; t++)
        {
            GemvReference.Q8_0(weights, rows, cols, x[(t * cols)..((t + 1) * cols)]).CopyTo(expected, t * rows);
        }

        foreach (var isa in TestData.Isas)
        {
            using var context = new KernelContext(2, isa);
            var y = new float[tokens * rows];
            Gemm.Q8_0(context, weights, rows, cols, x, tokens, y);
            GemvTests.AssertBitIdentical(expected, y, isa.ToString());
        }
    }

    [Fact]
    public void Q8_0_WideRowsMinus128AndSpecialScales_BitIdenticalToReferenceGemvOnEveryIsa()
    {
        // 300 blocks per row: packed row groups shrink to 6 rows; one thread runs every group in one call.
        const int rows = 15, cols = 32 * 300, tokens = 6;
        var random = new Random(33);
        var weights = GemvReference.QuantizeRows(TestData.Floats(random, rows * cols, 2f));
        for (int i = 2; i < weights.Length; i += 34 * 5)
        {
            weights[i] = 0x80; // -128: exact in the int16 pair path and in the abs/sign path
        }

        ushort[] scales = [0x0001, 0x7C00, 0xFE00, 0x8000];
        for (int i = 0; i < scales.Length; i++)
        {
            int block = (i * 1201) + 7;
            weights[block * 34] = (byte)scales[i];
            weights[(block * 34) + 1] = (byte)(scales[i] >> 8);
        }

        var x = TestData.Floats(random, tokens * cols, 4f);
        var expected = new float[tokens * rows];
        for (int t = 0; t < tokens; t++)
        {
            GemvReference.Q8_0(weights, rows, cols, x[(t * cols)..((t + 1) * cols)]).CopyTo(expected, t * rows);
        }

        foreach (var isa in TestData.Isas)
        {
            using var context = new KernelContext(1, isa);
            var y = new float[tokens * rows];
            Gemm.Q8_0(context, weights, rows, cols, x, tokens, y);
            for (int i = 0; i < y.Length; i++)
            {
                Assert.True(
                    float.IsNaN(expected[i]) ? float.IsNaN(y[i]) : BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(y[i]),
                    $"{isa}: element {i} expected {expected[i]:R}, got {y[i]:R}");
            }
        }
    }

    [Fact]
    public void F32_RandomShapesEveryIsa_WithinErrorBoundOfDoubleReference() =>
        TestData.Check(40, 9, (rows, tokens, seed) =>
        {
            var random = new Random(seed);
            int cols = random.Next(0, 600);
            var weights = TestData.Floats(random, rows * cols);
            var x = TestData.Floats(random, tokens * cols);
            foreach (var isa in TestData.Isas)
            {
                using var context = new KernelContext(2, isa);
                var y = new float[tokens * rows];
                Gemm.F32(context, weights, rows, cols, x, tokens, y);
                AssertPerToken(weights, rows, cols, x, tokens, y, isa);
            }
        });

    [Fact]
    public void F16_RandomShapesEveryIsa_WithinErrorBoundOfDoubleReference() =>
        TestData.Check(40, 9, (rows, tokens, seed) =>
        {
            var random = new Random(seed);
            int cols = random.Next(0, 600);
            var halves = GemvReference.ToHalves(TestData.Floats(random, rows * cols));
            var x = TestData.Floats(random, tokens * cols);
            foreach (var isa in TestData.Isas)
            {
                using var context = new KernelContext(2, isa);
                var y = new float[tokens * rows];
                Gemm.F16(context, halves, rows, cols, x, tokens, y);
                AssertPerToken(GemvReference.Widen(halves), rows, cols, x, tokens, y, isa);
            }
        });

    [Fact]
    public void F32_XNotTokensByCols_ThrowsNamingX()
    {
        var error = Assert.Throws<ArgumentException>(() => Gemm.F32(KernelContext.Default, new float[6], 2, 3, new float[7], 2, new float[4]));
        Assert.Equal("x", error.ParamName);
        Assert.Contains("tokens x cols = 2 x 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Q8_0_YNotTokensByRows_ThrowsNamingY()
    {
        var error = Assert.Throws<ArgumentException>(() => Gemm.Q8_0(KernelContext.Default, new byte[68], 2, 32, new float[64], 2, new float[3]));
        Assert.Equal("y", error.ParamName);
    }

    [Fact]
    public void F16_NegativeTokens_ThrowsNamingTokens()
    {
        var error = Assert.Throws<ArgumentException>(() => Gemm.F16(KernelContext.Default, new Half[6], 2, 3, [], -1, []));
        Assert.Equal("tokens", error.ParamName);
    }

    private static void AssertPerToken(float[] weights, int rows, int cols, float[] x, int tokens, float[] y, Measure.Kernels.Dispatch.KernelIsa isa)
    {
        for (int t = 0; t < tokens; t++)
        {
            var (exact, bounds) = GemvReference.Exact(weights, rows, cols, x[(t * cols)..((t + 1) * cols)]);
            GemvTests.AssertWithin(exact, bounds, y[(t * rows)..((t + 1) * rows)], isa);
        }
    }
}
