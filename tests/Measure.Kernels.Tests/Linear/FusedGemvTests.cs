using Measure.Kernels.Linear;
using Measure.Kernels.Threading;
using Measure.Kernels.Transformer;

namespace Measure.Kernels.Tests.Linear;

public class FusedGemvTests
{
    [Fact]
    public void Q8_0_ThreeProductsEveryIsaAndThreadCount_BitIdenticalToSeparateGemvs()
    {
        TestData.Check(300, 6, (rows, blocks, seed) =>
        {
            int cols = (blocks + 1) * 32;
            var random = new Random(seed);
            int[] shape = [rows, (rows / 3) + 1, rows % 17];
            var weights = shape.Select(r => GemvReference.QuantizeRows(TestData.Floats(random, r * cols, 2f))).ToArray();
            var x = TestData.Floats(random, cols, 5f);
            var residual = TestData.Floats(random, shape[2], 3f);
            var expected = weights.Select((w, i) => GemvReference.Q8_0(w, shape[i], cols, x)).ToArray();
            var expectedResidual = residual.Select((r, i) => r + expected[2][i]).ToArray();
            foreach (var isa in TestData.Isas)
            {
                foreach (int threads in new[] { 1, 2, 3 })
                {
                    using var context = new KernelContext(threads, isa);
                    var y0 = new float[shape[0]];
                    var y1 = new float[shape[1]];
                    var y2 = (float[])residual.Clone();

                    FusedGemv.Q8_0(context, x,
                        new Q8_0Product(weights[0], shape[0], y0),
                        new Q8_0Product(weights[1], shape[1], y1),
                        new Q8_0Product(weights[2], shape[2], y2, accumulate: true));

                    string what = $"{isa}, {threads} threads, rows {string.Join('/', shape)} x {cols}";
                    AssertBitIdentical(expected[0], y0, what);
                    AssertBitIdentical(expected[1], y1, what);
                    AssertBitIdentical(expectedResidual, y2, what);
                }
            }
        }, runs: 25);
    }

    [Fact]
    public void Q8_0_TwoProductsLargeShape_BitIdenticalToGemvOnTwoThreads()
    {
        const int cols = 2048;
        var random = new Random(11);
        var a = GemvReference.QuantizeRows(TestData.Floats(random, 700 * cols));
        var b = GemvReference.QuantizeRows(TestData.Floats(random, 300 * cols));
        var x = TestData.Floats(random, cols, 4f);
        using var context = new KernelContext(2);
        var expectedA = new float[700];
        var expectedB = new float[300];
        Gemv.Q8_0(context, a, 700, cols, x, expectedA);
        Gemv.Q8_0(context, b, 300, cols, x, expectedB);
        var ya = new float[700];
        var yb = new float[300];

        FusedGemv.Q8_0(context, x, new Q8_0Product(a, 700, ya), new Q8_0Product(b, 300, yb));

        AssertBitIdentical(expectedA, ya, "first");
        AssertBitIdentical(expectedB, yb, "second");
    }

    [Fact]
    public void Q8_0SwiGluAndAccumulateLargeShape_TwoThreads_BitIdenticalToSeparateSteps()
    {
        const int rows = 1000, cols = 1024;
        var random = new Random(12);
        var gate = GemvReference.QuantizeRows(TestData.Floats(random, rows * cols));
        var up = GemvReference.QuantizeRows(TestData.Floats(random, rows * cols));
        var x = TestData.Floats(random, cols, 4f);
        var residual = TestData.Floats(random, rows, 2f);
        using var context = new KernelContext(2);
        var expectedHidden = new float[rows];
        var upRows = new float[rows];
        Gemv.Q8_0(context, gate, rows, cols, x, expectedHidden);
        Gemv.Q8_0(context, up, rows, cols, x, upRows);
        var expectedResidual = residual.Select((r, i) => r + expectedHidden[i]).ToArray();
        SwiGlu.ApplyInPlace(expectedHidden, upRows);
        var hidden = new float[rows];

        FusedGemv.Q8_0SwiGlu(context, gate, up, rows, x, hidden);
        FusedGemv.Q8_0(context, x, new Q8_0Product(gate, rows, residual, accumulate: true));

        AssertBitIdentical(expectedHidden, hidden, "swiglu");
        AssertBitIdentical(expectedResidual, residual, "residual");
    }

    [Fact]
    public void Q8_0_AccumulatingIntoItsOwnInput_UsesTheInputAsItWasBeforeTheCall()
    {
        const int n = 96;
        var random = new Random(3);
        var w = GemvReference.QuantizeRows(TestData.Floats(random, n * n));
        var x = TestData.Floats(random, n, 2f);
        var product = GemvReference.Q8_0(w, n, n, x);
        var expected = x.Select((v, i) => v + product[i]).ToArray();
        using var context = new KernelContext(1);

        FusedGemv.Q8_0(context, x, new Q8_0Product(w, n, x, accumulate: true));

        AssertBitIdentical(expected, x, "residual in place");
    }

    [Fact]
    public void Q8_0SwiGlu_EveryIsaAndThreadCount_BitIdenticalToGemvsThenSwiGlu()
    {
        TestData.Check(300, 5, (rows, blocks, seed) =>
        {
            int cols = (blocks + 1) * 32;
            var random = new Random(seed);
            var gate = GemvReference.QuantizeRows(TestData.Floats(random, rows * cols, 2f));
            var up = GemvReference.QuantizeRows(TestData.Floats(random, rows * cols, 2f));
            var x = TestData.Floats(random, cols, 3f);
            var expected = GemvReference.Q8_0(gate, rows, cols, x);
            SwiGlu.ApplyInPlace(expected, GemvReference.Q8_0(up, rows, cols, x));
            foreach (var isa in TestData.Isas)
            {
                foreach (int threads in new[] { 1, 2 })
                {
                    using var context = new KernelContext(threads, isa);
                    var hidden = new float[rows];

                    FusedGemv.Q8_0SwiGlu(context, gate, up, rows, x, hidden);

                    AssertBitIdentical(expected, hidden, $"{isa}, {threads} threads, {rows} x {cols}");
                }
            }
        }, runs: 20);
    }

    [Fact]
    public void Q8_0_SecondMatrixOfTheWrongSize_ThrowsNamingIt()
    {
        using var context = new KernelContext(1);
        var x = new float[64];

        var error = Assert.Throws<ArgumentException>(() =>
            FusedGemv.Q8_0(context, x, new Q8_0Product(new byte[2 * 68], 2, new float[2]), new Q8_0Product(new byte[67], 1, new float[1])));

        Assert.Equal("second", error.ParamName);
        Assert.Contains("67 weight bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Q8_0_OutputShorterThanTheRows_ThrowsNamingTheProduct()
    {
        using var context = new KernelContext(1);

        var error = Assert.Throws<ArgumentException>(() =>
            FusedGemv.Q8_0(context, new float[32], new Q8_0Product(new byte[3 * 34], 3, new float[2])));

        Assert.Equal("first", error.ParamName);
    }

    [Fact]
    public void Q8_0SwiGlu_HiddenOfTheWrongLength_ThrowsNamingIt()
    {
        using var context = new KernelContext(1);

        var error = Assert.Throws<ArgumentException>(() =>
            FusedGemv.Q8_0SwiGlu(context, new byte[2 * 34], new byte[2 * 34], 2, new float[32], new float[3]));

        Assert.Equal("hidden", error.ParamName);
    }

    private static void AssertBitIdentical(float[] expected, float[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(
                BitConverter.SingleToInt32Bits(expected[i]) == BitConverter.SingleToInt32Bits(actual[i]),
                $"{what}: row {i} is {actual[i]:R}, expected {expected[i]:R}");
        }
    }
}
