using Measure.Kernels.Threading;
using Measure.Kernels.Vision;

namespace Measure.Kernels.Tests.Vision;

public class ElementWiseTests
{
    [Fact]
    public void AddMultiplyRelu6_EveryLengthUpTo41EveryIsa_EqualScalarDefinition()
    {
        var random = new Random(2);
        for (int length = 0; length <= 41; length++)
        {
            var a = TestData.Floats(random, length, 10f);
            var b = TestData.Floats(random, length, 10f);
            foreach (var isa in TestData.Isas)
            {
                using var context = new KernelContext(1, isa);
                var y = new float[length];
                ElementWise.Add(context, a, b, y);
                Assert.Equal(a.Zip(b, (p, q) => p + q), y);
                ElementWise.Multiply(context, a, b, y);
                Assert.Equal(a.Zip(b, (p, q) => p * q), y);
                ElementWise.Relu6(context, a, y);
                Assert.Equal(a.Select(v => Math.Min(Math.Max(v, 0f), 6f)), y);
            }
        }
    }

    [Fact]
    public void Add_InPlace_OverwritesFirstOperand()
    {
        float[] a = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        ElementWise.Add(KernelContext.Default, a, a, a);
        Assert.Equal([2f, 4, 6, 8, 10, 12, 14, 16, 18], a);
    }

    [Fact]
    public void Gelu_RandomValues_MatchTanhFormulaInDouble()
    {
        var x = TestData.Floats(new Random(4), 500, 8f);
        var y = new float[x.Length];
        ElementWise.Gelu(KernelContext.Default, x, y);
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            double expected = 0.5 * v * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (v + (0.044715 * v * v * v))));
            Assert.InRange(y[i], expected - 1e-5 - (1e-6 * Math.Abs(expected)), expected + 1e-5 + (1e-6 * Math.Abs(expected)));
        }
    }

    [Fact]
    public void Multiply_LengthMismatch_ThrowsNamingB()
    {
        var error = Assert.Throws<ArgumentException>(() => ElementWise.Multiply(KernelContext.Default, new float[3], new float[4], new float[3]));
        Assert.Equal("b", error.ParamName);
    }
}
