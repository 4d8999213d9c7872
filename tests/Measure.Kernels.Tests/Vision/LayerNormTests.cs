using Measure.Kernels.Threading;
using Measure.Kernels.Vision;

namespace Measure.Kernels.Tests.Vision;

public class LayerNormTests
{
    [Fact]
    public void Apply_RandomRows_MatchDoubleReference() =>
        TestData.Check(6, 300, (rows, cols, seed) =>
        {
            cols++;
            var random = new Random(seed);
            var x = TestData.Floats(random, rows * cols, 4f);
            var gamma = TestData.Floats(random, cols);
            var beta = TestData.Floats(random, cols);
            var y = new float[x.Length];
            LayerNorm.Apply(KernelContext.Default, x, rows, cols, gamma, beta, 1e-5f, y);
            for (int r = 0; r < rows; r++)
            {
                var row = x.Skip(r * cols).Take(cols).Select(v => (double)v).ToArray();
                double mean = row.Average();
                double variance = row.Select(v => (v - mean) * (v - mean)).Average();
                for (int c = 0; c < cols; c++)
                {
                    double expected = ((row[c] - mean) / Math.Sqrt(variance + 1e-5) * gamma[c]) + beta[c];
                    Assert.InRange(y[(r * cols) + c], expected - 1e-4, expected + 1e-4);
                }
            }
        });

    [Fact]
    public void Apply_ConstantRow_ReturnsBeta()
    {
        var y = new float[4];
        LayerNorm.Apply(KernelContext.Default, [3, 3, 3, 3], 1, 4, [2, 2, 2, 2], [0.5f, -1, 0, 7], 1e-5f, y);
        Assert.Equal([0.5f, -1, 0, 7], y);
    }

    [Fact]
    public void Apply_GammaWrongLength_ThrowsNamingGamma()
    {
        var error = Assert.Throws<ArgumentException>(() => LayerNorm.Apply(KernelContext.Default, new float[6], 2, 3, new float[2], new float[3], 1e-5f, new float[6]));
        Assert.Equal("gamma", error.ParamName);
    }
}
