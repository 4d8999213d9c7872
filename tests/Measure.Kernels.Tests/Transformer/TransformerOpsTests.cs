using Measure.Kernels.Dispatch;
using Measure.Kernels.Transformer;

namespace Measure.Kernels.Tests.Transformer;

public sealed class TransformerOpsTests
{
    public static TheoryData<KernelIsa> Isas => new(KernelRegistry.Executable);

    private static void AssertClose(IReadOnlyList<double> expected, ReadOnlySpan<float> actual, double tolerance)
    {
        Assert.Equal(expected.Count, actual.Length);
        for (int i = 0; i < actual.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * (1 + Math.Abs(expected[i])), $"element {i}: expected {expected[i]}, got {actual[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(Isas))]
    public void RmsNorm_RandomVector_MatchesDoubleReference(KernelIsa isa)
    {
        foreach (var n in new[] { 1, 7, 64, 67, 2048 })
        {
            var x = TransformerReference.Random(n, n, 3);
            var w = TransformerReference.Random(n + 1, n);
            var y = new float[n];

            RmsNorm.Apply(isa, x, w, 1e-5f, y);

            AssertClose(TransformerReference.RmsNorm(x, w, 1e-5), y, 1e-5);
        }
    }

    [Fact]
    public void RmsNorm_MismatchedWeight_ThrowsArgumentExceptionNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => RmsNorm.Apply(new float[4], new float[3], 1e-5f, new float[4]));

        Assert.Equal("weight", error.ParamName);
    }

    [Theory]
    [MemberData(nameof(Isas))]
    public void Softmax_LargeLogits_MatchesDoubleReferenceAndSumsToOne(KernelIsa isa)
    {
        var x = TransformerReference.Random(3, 1000, 80);
        var expected = TransformerReference.Softmax(x.Select(v => (double)v).ToArray());

        Softmax.InPlace(isa, x);

        AssertClose(expected, x, 1e-5);
        Assert.Equal(1.0, x.Sum(v => (double)v), 4);
    }

    [Fact]
    public void SwiGlu_ApplyInPlace_IsSiluOfGateTimesUp()
    {
        var gate = TransformerReference.Random(5, 100, 6);
        var up = TransformerReference.Random(6, 100);
        var expected = gate.Select((g, i) => g / (1 + Math.Exp(-g)) * up[i]).ToArray();

        SwiGlu.ApplyInPlace(gate, up);

        AssertClose(expected, gate, 1e-6);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(1000)]
    public void RotaryEmbedding_Apply_RotatesAdjacentPairsPerHead(int position)
    {
        var x = TransformerReference.Random(position, 4 * 16);
        var expected = TransformerReference.Rope(x, 16, position, 10000);

        RotaryEmbedding.Apply(x, 16, position, 10000f);

        // The float angle stepping loses a few ulps of theta at large positions, as llama.cpp's does.
        AssertClose(expected, x, position < 100 ? 1e-5 : 2e-4);
    }

    [Fact]
    public void RotaryEmbedding_OddHeadDimension_Throws()
    {
        Assert.Throws<ArgumentException>(() => RotaryEmbedding.Apply(new float[15], 15, 0, 10000f));
    }

    [Theory]
    [MemberData(nameof(Isas))]
    public void Attention_GroupedHeadsOverCache_MatchesDoubleReference(KernelIsa isa)
    {
        foreach (var precision in new[] { KvCachePrecision.F32, KvCachePrecision.F16 })
        {
            const int heads = 8, kvHeads = 2, d = 24, length = 13;
            var cache = new KvCache(layers: 2, contextLength: 32, kvHeads, d, precision);
            var keys = new float[length][];
            var values = new float[length][];
            for (int t = 0; t < length; t++)
            {
                keys[t] = TransformerReference.Random(100 + t, kvHeads * d, 2);
                values[t] = TransformerReference.Random(200 + t, kvHeads * d);
                if (precision == KvCachePrecision.F16)
                {
                    // The reference sees what the cache keeps.
                    keys[t] = keys[t].Select(v => (float)(Half)v).ToArray();
                    values[t] = values[t].Select(v => (float)(Half)v).ToArray();
                }

                cache.Store(1, t, keys[t], values[t]);
            }

            var q = TransformerReference.Random(7, heads * d, 2);
            var output = new float[heads * d];

            Attention.Attend(isa, cache, 1, q, heads, length, output, new float[length]);

            AssertClose(TransformerReference.Attention(q, keys, values, heads, kvHeads, d), output, 1e-5);
        }
    }

    [Fact]
    public void Attention_LengthBeyondCache_ThrowsArgumentOutOfRange()
    {
        var cache = new KvCache(1, 4, 1, 8, KvCachePrecision.F32);

        Assert.Throws<ArgumentOutOfRangeException>(() => Attention.Attend(KernelIsa.Scalar, cache, 0, new float[8], 1, 5, new float[8], new float[5]));
    }

    [Fact]
    public void KvCache_F16_HalvesTheBytes()
    {
        var f32 = new KvCache(2, 16, 2, 8, KvCachePrecision.F32);
        var f16 = new KvCache(2, 16, 2, 8, KvCachePrecision.F16);

        Assert.Equal(2L * 2 * 16 * 16 * 4, f32.ByteSize);
        Assert.Equal(f32.ByteSize / 2, f16.ByteSize);
        Assert.Equal(2L * 2 * 3 * 16 * 2, f16.BytesReadFor(3));
    }
}
