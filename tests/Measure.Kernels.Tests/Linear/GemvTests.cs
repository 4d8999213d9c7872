using Measure.Kernels.Dispatch;
using Measure.Kernels.Linear;
using Measure.Kernels.Threading;

namespace Measure.Kernels.Tests.Linear;

public class GemvTests
{
    [Fact]
    public void Q8_0_RandomShapesEveryIsaAndThreadCount_BitIdenticalToReference()
    {
        using var two = new KernelContext(2);
        TestData.Check(37, 9, (rows, blocks, seed) =>
        {
            int cols = blocks * 32;
            var random = new Random(seed);
            var weights = GemvReference.QuantizeRows(TestData.Floats(random, rows * cols, 2f));
            var x = TestData.Floats(random, cols, 5f);
            var expected = GemvReference.Q8_0(weights, rows, cols, x);
            foreach (var isa in TestData.Isas)
            {
                foreach (int threads in new[] { 1, 3 })
                {
                    using var context = new KernelContext(threads, isa);
                    var y = new float[rows];
                    Gemv.Q8_0(context, weights, rows, cols, x, y);
                    AssertBitIdentical(expected, y, $"{isa}, {threads} threads, {rows}x{cols}");
                }
            }
        });
    }

    [Theory]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(129)]
    [InlineData(257)]
    [InlineData(397)]
    public void Q8_0_RowCountsAroundTheLongStreamBlocks_BitIdenticalToReference(int rows)
    {
        const int cols = 96;
        var random = new Random(rows);
        var weights = GemvReference.QuantizeRows(TestData.Floats(random, rows * cols, 2f));
        var x = TestData.Floats(random, cols, 5f);
        var expected = GemvReference.Q8_0(weights, rows, cols, x);
        foreach (var isa in TestData.Isas)
        {
            foreach (int threads in new[] { 1, 2, 3 })
            {
                using var context = new KernelContext(threads, isa);
                var y = new float[rows];
                Gemv.Q8_0(context, weights, rows, cols, x, y);
                AssertBitIdentical(expected, y, $"{isa}, {threads} threads, {rows}x{cols}");
            }
        }
    }

    [Fact]
    public void Q8_0_LargeShapeWithMinus128Weights_BitIdenticalAcrossIsas()
    {
        const int rows = 301, cols = 4096;
        var random = new Random(5);
        var weights = GemvReference.QuantizeRows(TestData.Floats(random, rows * cols));
        for (int i = 2; i < weights.Length; i += 34 * 3)
        {
            weights[i] = 0x80; // -128 never comes out of our quantizer but may appear in foreign GGUF files
        }

        var x = TestData.Floats(random, cols, 10f);
        var expected = GemvReference.Q8_0(weights, rows, cols, x);
        foreach (var isa in TestData.Isas)
        {
            using var context = new KernelContext(2, isa);
            var y = new float[rows];
            Gemv.Q8_0(context, weights, rows, cols, x, y);
            AssertBitIdentical(expected, y, isa.ToString());
        }
    }

    [Fact]
    public void Q8_0_SubnormalAndNonFiniteWeightScales_BitIdenticalAcrossIsas()
    {
        const int rows = 13, cols = 256;
        var random = new Random(11);
        var weights = GemvReference.QuantizeRows(TestData.Floats(random, rows * cols));
        ushort[] scales = [0x0001, 0x03FF, 0x8200, 0x7C00, 0xFC00, 0x7E01, 0x0000, 0x7BFF];
        for (int i = 0; i < scales.Length; i++)
        {
            int block = (i * 11) + 3; // spread over rows, some in the four-row groups, some in the tail
            weights[block * 34] = (byte)scales[i];
            weights[(block * 34) + 1] = (byte)(scales[i] >> 8);
        }

        var x = TestData.Floats(random, cols);
        var expected = GemvReference.Q8_0(weights, rows, cols, x);
        foreach (var isa in TestData.Isas)
        {
            using var context = new KernelContext(2, isa);
            var y = new float[rows];
            Gemv.Q8_0(context, weights, rows, cols, x, y);
            for (int r = 0; r < rows; r++)
            {
                Assert.True(
                    float.IsNaN(expected[r]) ? float.IsNaN(y[r]) : BitConverter.SingleToInt32Bits(expected[r]) == BitConverter.SingleToInt32Bits(y[r]),
                    $"{isa}: row {r} expected {expected[r]:R}, got {y[r]:R}");
            }
        }
    }

    [Fact]
    public void F32_RandomShapesEveryIsa_WithinErrorBoundOfDoubleReference() =>
        TestData.Check(37, 300, (rows, cols, seed) =>
        {
            var random = new Random(seed);
            var weights = TestData.Floats(random, rows * cols);
            var x = TestData.Floats(random, cols);
            var (exact, bounds) = GemvReference.Exact(weights, rows, cols, x);
            foreach (var isa in TestData.Isas)
            {
                using var context = new KernelContext(2, isa);
                var y = new float[rows];
                Gemv.F32(context, weights, rows, cols, x, y);
                AssertWithin(exact, bounds, y, isa);
            }
        });

    [Fact]
    public void F16_RandomShapesEveryIsa_WithinErrorBoundOfDoubleReference() =>
        TestData.Check(37, 300, (rows, cols, seed) =>
        {
            var random = new Random(seed);
            var halves = GemvReference.ToHalves(TestData.Floats(random, rows * cols));
            var x = TestData.Floats(random, cols);
            var (exact, bounds) = GemvReference.Exact(GemvReference.Widen(halves), rows, cols, x);
            foreach (var isa in TestData.Isas)
            {
                using var context = new KernelContext(2, isa);
                var y = new float[rows];
                Gemv.F16(context, halves, rows, cols, x, y);
                AssertWithin(exact, bounds, y, isa);
            }
        });

    [Theory]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(131)]
    [InlineData(200)]
    public void F16_RowCountsAroundTheLongStreamBlocks_WithinErrorBoundAndInfRowsExact(int rows)
    {
        const int cols = 40;
        var random = new Random(rows);
        var halves = GemvReference.ToHalves(TestData.Floats(random, rows * cols));
        halves[(17 * cols) + 3] = Half.PositiveInfinity; // inside the first block: its four streams take the exact path
        var x = TestData.Floats(random, cols);
        var (exact, bounds) = GemvReference.Exact(GemvReference.Widen(halves), rows, cols, x);
        foreach (var isa in TestData.Isas)
        {
            foreach (int threads in new[] { 1, 2 })
            {
                using var context = new KernelContext(threads, isa);
                var y = new float[rows];
                Gemv.F16(context, halves, rows, cols, x, y);
                AssertWithin(exact, bounds, y, isa, threads);
            }
        }
    }

    [Fact]
    public void F16_SubnormalInfAndNaNWeights_MatchDoubleReferenceEveryIsa()
    {
        const int rows = 11, cols = 100;
        var random = new Random(17);
        var values = TestData.Floats(random, rows * cols);
        for (int i = 0; i < values.Length; i += 3)
        {
            values[i] *= 1e-6f; // FP16 subnormals
        }

        var halves = GemvReference.ToHalves(values);
        halves[(2 * cols) + 37] = Half.PositiveInfinity;
        halves[(5 * cols) + 64] = Half.NaN;
        halves[(9 * cols) + 99] = Half.NegativeInfinity; // in the scalar tail of a row
        var x = TestData.Floats(random, cols);
        var (exact, bounds) = GemvReference.Exact(GemvReference.Widen(halves), rows, cols, x);
        foreach (var isa in TestData.Isas)
        {
            using var context = new KernelContext(2, isa);
            var y = new float[rows];
            Gemv.F16(context, halves, rows, cols, x, y);
            AssertWithin(exact, bounds, y, isa);
        }
    }

    [Theory]
    [InlineData(0xFC00)] // -inf
    [InlineData(0xFE01)] // negative NaN
    [InlineData(0x7C00)] // +inf
    public void F16_SpecialInsideAVectorStepOfALongStreamBlock_PropagatesEveryIsa(int bits)
    {
        const int rows = 70, cols = 64;
        var random = new Random(bits);
        var halves = GemvReference.ToHalves(TestData.Floats(random, rows * cols));
        halves[(33 * cols) + 20] = BitConverter.UInt16BitsToHalf((ushort)bits); // third stream of the first block, a vector step
        var x = TestData.Floats(random, cols);
        var (exact, bounds) = GemvReference.Exact(GemvReference.Widen(halves), rows, cols, x);
        foreach (var isa in TestData.Isas)
        {
            using var context = new KernelContext(1, isa);
            var y = new float[rows];
            Gemv.F16(context, halves, rows, cols, x, y);
            Assert.False(double.IsFinite(exact[33]));
            AssertWithin(exact, bounds, y, isa);
        }
    }

    [Fact]
    public void F16_ActivationsBeyond65536_WithinErrorBoundEveryIsa()
    {
        const int rows = 7, cols = 96;
        var random = new Random(23);
        var halves = GemvReference.ToHalves(TestData.Floats(random, rows * cols));
        var x = TestData.Floats(random, cols);
        x[5] = 1e6f;
        x[70] = -3e30f;
        var (exact, bounds) = GemvReference.Exact(GemvReference.Widen(halves), rows, cols, x);
        foreach (var isa in TestData.Isas)
        {
            using var context = new KernelContext(1, isa);
            var y = new float[rows];
            Gemv.F16(context, halves, rows, cols, x, y);
            AssertWithin(exact, bounds, y, isa);
        }
    }

    [Fact]
    public void AllFormats_EmptyShapes_ProduceZerosOrNothing()
    {
        using var context = new KernelContext(2);
        var y = new float[3] { 1, 1, 1 };
        Gemv.F32(context, [], 3, 0, [], y);
        Assert.All(y, v => Assert.Equal(0f, v));
        Gemv.F16(context, [], 0, 5, new float[5], []);
        Gemv.Q8_0(context, [], 0, 64, new float[64], []);
        Gemv.Q8_0(context, [], 3, 0, [], y);
        Assert.All(y, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void F32_OneElement_MultipliesScalar()
    {
        using var context = new KernelContext(1);
        var y = new float[1];
        Gemv.F32(context, [3f], 1, 1, [-2f], y);
        Assert.Equal(-6f, y[0]);
    }

    [Fact]
    public void Q8_0_ColsNotMultipleOf32_ThrowsNamingCols()
    {
        var error = Assert.Throws<ArgumentException>(() => Gemv.Q8_0(KernelContext.Default, new byte[34], 1, 33, new float[33], new float[1]));
        Assert.Equal("cols", error.ParamName);
    }

    [Fact]
    public void Q8_0_WeightBytesMismatch_ThrowsNamingWeights()
    {
        var error = Assert.Throws<ArgumentException>(() => Gemv.Q8_0(KernelContext.Default, new byte[67], 2, 32, new float[32], new float[2]));
        Assert.Equal("weights", error.ParamName);
        Assert.Contains("2 x 32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void F32_XLengthMismatch_ThrowsNamingX()
    {
        var error = Assert.Throws<ArgumentException>(() => Gemv.F32(KernelContext.Default, new float[6], 2, 3, new float[4], new float[2]));
        Assert.Equal("x", error.ParamName);
    }

    [Fact]
    public void F16_YLengthMismatch_ThrowsNamingY()
    {
        var error = Assert.Throws<ArgumentException>(() => Gemv.F16(KernelContext.Default, new Half[6], 2, 3, new float[3], new float[3]));
        Assert.Equal("y", error.ParamName);
    }

    [Fact]
    public void F32_NegativeRows_ThrowsNamingRows()
    {
        var error = Assert.Throws<ArgumentException>(() => Gemv.F32(KernelContext.Default, [], -1, 3, new float[3], []));
        Assert.Equal("rows", error.ParamName);
    }

    internal static void AssertBitIdentical(float[] expected, float[] actual, string label)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(
                BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(actual[i]),
                $"{label}: element {i} expected {expected[i]:R}, got {actual[i]:R}");
        }
    }

    /// <summary>Every element within its bound of the exact value; an inf or NaN exact value is reproduced exactly.</summary>
    internal static void AssertWithin(double[] exact, double[] bounds, float[] actual, KernelIsa isa, int? threads = null)
    {
        string where = threads is { } t ? $"{isa}, {t} threads" : $"{isa}";
        for (int i = 0; i < exact.Length; i++)
        {
            Assert.True(
                double.IsFinite(exact[i]) ? Math.Abs(actual[i] - exact[i]) <= bounds[i] : exact[i].Equals((double)actual[i]),
                $"{where}: element {i} = {actual[i]:R}, exact {exact[i]:R}, bound {bounds[i]:E2}");
        }
    }
}
