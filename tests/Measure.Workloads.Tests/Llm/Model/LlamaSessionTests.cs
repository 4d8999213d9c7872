using Measure.Kernels.Threading;
using Measure.Kernels.Transformer;
using Measure.Workloads.Llm;
using Measure.Workloads.Llm.Model;
using Measure.Workloads.Llm.Presets;

namespace Measure.Workloads.Tests.Llm.Model;

public sealed class LlamaSessionTests
{
    // Wide enough that the feed-forward and output products split across two threads, with GQA (4 / 2 heads).
    private static readonly LlamaPreset Medium = new("medium", new LlamaHyperParameters(256, 768, 2, 4, 2, 64, 4096, 500000f, 1e-5f), TiedEmbeddings: true);

    private static readonly int[] Prompt = [1, 17, 4000, 256, 9];

    [Theory]
    [InlineData(WeightPrecision.Q8_0, 1, KvCachePrecision.F32)]
    [InlineData(WeightPrecision.Q8_0, 2, KvCachePrecision.F32)]
    [InlineData(WeightPrecision.Q8_0, 2, KvCachePrecision.F16)]
    [InlineData(WeightPrecision.F16, 2, KvCachePrecision.F32)]
    [InlineData(WeightPrecision.F32, 2, KvCachePrecision.F32)]
    public void Decode_SeveralSteps_MatchesTheReferenceForwardBitForBit(WeightPrecision precision, int threads, KvCachePrecision cache)
    {
        using var model = SeededLlama.Create(Medium, precision, seed: 3);
        using var context = new KernelContext(threads);
        var session = new LlamaSession(model, context, 16, cache);
        var reference = new ReferenceForward(model, context, 16, cache);

        var prefill = session.Prefill(Prompt);
        AssertBitIdentical(reference.Forward(Prompt), prefill, "prefill");
        int next = GreedyGenerator.ArgMax(prefill);
        for (int step = 0; step < 6; step++)
        {
            next = (next * 31 + step) % Medium.Parameters.VocabularySize;
            AssertBitIdentical(reference.Forward([next]), session.Decode(next), $"decode step {step}");
        }

        Assert.Equal(reference.Position, session.Position);
    }

    [Fact]
    public void Decode_Q8_0_OneAndTwoThreads_GiveTheSameLogits()
    {
        using var model = SeededLlama.Create(Medium, WeightPrecision.Q8_0, seed: 5);
        using var one = new KernelContext(1);
        using var two = new KernelContext(2);
        var a = new LlamaSession(model, one, 8);
        var b = new LlamaSession(model, two, 8);
        a.Prefill(Prompt);
        b.Prefill(Prompt);

        AssertBitIdentical(a.Decode(42).ToArray(), b.Decode(42), "decode");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Decode_AfterWarmUp_AllocatesNothingPerToken(int threads)
    {
        using var model = SeededLlama.Create(Medium, WeightPrecision.Q8_0, seed: 3);
        using var context = new KernelContext(threads);
        var session = new LlamaSession(model, context, 40);
        int next = GreedyGenerator.ArgMax(session.Prefill(Prompt));
        next = GreedyGenerator.ArgMax(session.Decode(next));

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 30; i++)
        {
            next = GreedyGenerator.ArgMax(session.Decode(next));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Decode_PastTheContext_ThrowsNamingTheContext()
    {
        using var model = SeededLlama.Create(Medium, WeightPrecision.Q8_0, seed: 3);
        using var context = new KernelContext(1);
        var session = new LlamaSession(model, context, 2);
        session.Prefill([1, 2]);

        var error = Assert.Throws<InvalidOperationException>(() => session.Decode(3));

        Assert.Contains("context of 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TokenOutsideTheVocabulary_ThrowsNamingTheVocabulary()
    {
        using var model = SeededLlama.Create(Medium, WeightPrecision.Q8_0, seed: 3);
        using var context = new KernelContext(1);
        var session = new LlamaSession(model, context, 4);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => session.Decode(4096));

        Assert.Contains("vocabulary of 4096", error.Message, StringComparison.Ordinal);
    }

    private static void AssertBitIdentical(float[] expected, ReadOnlySpan<float> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
            {
                Assert.Fail($"{what}: logit {i} is {actual[i]:R}, the reference gives {expected[i]:R}");
            }
        }
    }
}
