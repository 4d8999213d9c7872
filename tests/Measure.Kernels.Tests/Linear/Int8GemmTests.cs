using Measure.Kernels.Linear;
using Measure.Kernels.Threading;

namespace Measure.Kernels.Tests.Linear;

public class Int8GemmTests
{
    [Fact]
    public void Accumulate_RandomShapesEveryIsa_Int32SumsEqualNaiveReference() =>
        TestData.Check(20, 9, (rows, tokens, seed) =>
        {
            var random = new Random(seed);
            int cols = random.Next(0, 150);
            var w = Enumerable.Range(0, rows * cols).Select(_ => (sbyte)random.Next(-128, 128)).ToArray();
            var x = Enumerable.Range(0, tokens * cols).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
            var expected = new int[tokens * rows];
            for (int t = 0; t < tokens; t++)
            {
                for (int r = 0; r < rows; r++)
                {
                    for (int c = 0; c < cols; c++)
                    {
                        expected[(t * rows) + r] += w[(r * cols) + c] * x[(t * cols) + c];
                    }
                }
            }

            foreach (var isa in TestData.Isas)
            {
                using var context = new KernelContext(2, isa);
                var acc = new int[tokens * rows];
                Int8Gemm.Accumulate(context, w, rows, cols, x, tokens, acc);
                Assert.Equal(expected, acc);
            }
        });

    [Fact]
    public void Accumulate_ActivationMinus128_ThrowsNamingX()
    {
        var error = Assert.Throws<ArgumentException>(() => Int8Gemm.Accumulate(KernelContext.Default, new sbyte[2], 1, 2, [1, -128], 1, new int[1]));
        Assert.Equal("x", error.ParamName);
    }

    [Fact]
    public void PerChannel_ScaleCountMismatch_ThrowsNamingWeightScales()
    {
        var error = Assert.Throws<ArgumentException>(() => Int8Gemm.PerChannel(KernelContext.Default, new sbyte[4], new float[1], 2, 2, new float[2], 1, new float[2]));
        Assert.Equal("weightScales", error.ParamName);
    }
}
