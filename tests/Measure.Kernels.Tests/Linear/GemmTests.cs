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
