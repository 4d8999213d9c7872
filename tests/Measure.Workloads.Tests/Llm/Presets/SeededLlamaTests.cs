using Measure.Kernels.Threading;
using Measure.Workloads.Llm;
using Measure.Workloads.Llm.Accuracy;
using Measure.Workloads.Llm.Model;
using Measure.Workloads.Llm.Presets;

namespace Measure.Workloads.Tests.Llm.Presets;

public sealed class SeededLlamaTests
{
    private static readonly LlamaPreset Small = new("small", new LlamaHyperParameters(64, 128, 2, 4, 2, 64, 300, 10000f, 1e-5f), TiedEmbeddings: true);

    [Fact]
    public void Create_SameSeedTwice_GivesBitIdenticalWeights()
    {
        using var a = SeededLlama.Create(Small, WeightPrecision.Q8_0, seed: 7);
        using var b = SeededLlama.Create(Small, WeightPrecision.Q8_0, seed: 7);
        using var c = SeededLlama.Create(Small, WeightPrecision.Q8_0, seed: 8);

        Assert.True(a.Weights.Layers[1].Down.Bytes.SequenceEqual(b.Weights.Layers[1].Down.Bytes));
        Assert.False(a.Weights.Layers[1].Down.Bytes.SequenceEqual(c.Weights.Layers[1].Down.Bytes));
    }

    [Fact]
    public void Create_KnownSeed_HasAStableFingerprint()
    {
        using var model = SeededLlama.Create(Small, WeightPrecision.F32, seed: 42);
        var first = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(model.Weights.Layers[0].Query.Bytes)[0];

        // SplitMix64 is fully specified, so this value is the same on every device and runtime.
        var expected = new SeededRandom(SeededRandom.Mix(42UL ^ SeededRandom.Mix(1UL << 32))).NextSigned() * MathF.Sqrt(3f / 64);
        Assert.Equal(expected, first);
    }

    [Fact]
    public void Create_EachPrecision_DecodesTheSameSeededModelWithinAccuracyBounds()
    {
        using var context = new KernelContext(threads: 1);
        using var f32 = SeededLlama.Create(Small, WeightPrecision.F32);
        using var f16 = SeededLlama.Create(Small, WeightPrecision.F16);
        using var q8 = SeededLlama.Create(Small, WeightPrecision.Q8_0);
        IReadOnlyList<int>[] prompts = [[1, 2, 3, 4, 5]];

        var half = AccuracyEvaluator.Compare(f32, f16, prompts, 8, context);
        var int8 = AccuracyEvaluator.Compare(f32, q8, prompts, 8, context);

        Assert.True(f32.Weights.TiedOutput);
        Assert.InRange(half.MeanKlDivergence, 0, 1e-4);
        Assert.InRange(int8.MeanKlDivergence, 0, 1e-2);
    }

    [Fact]
    public void Llama1BPreset_HasTheParameterCountAndBytesOfA1BModel()
    {
        var p = LlamaPresets.Llama1B.Parameters;

        Assert.InRange(p.ParameterCount(tiedOutput: true), 1.23e9, 1.24e9);
        Assert.Equal(64, p.HeadDimension);
        Assert.InRange(LlamaPresets.Llama3B.Parameters.ParameterCount(tiedOutput: true), 3.2e9, 3.22e9);
    }

    [Fact]
    public void Find_UnknownName_ListsTheKnownPresets()
    {
        var error = Assert.Throws<ArgumentException>(() => LlamaPresets.Find("llama-70b"));

        Assert.Contains("llama-1b", error.Message, StringComparison.Ordinal);
    }
}
