using Measure.Workloads.Gguf;
using Measure.Workloads.Llm;
using Measure.Workloads.Tests.Gguf;

namespace Measure.Workloads.Tests.Llm;

public sealed class LlamaHyperParametersTests
{
    private static GgufMetadata Metadata(GgufBuilder builder)
    {
        var bytes = builder.Build();
        return GgufHeaderParser.Parse(bytes, bytes.Length, "model.gguf").Metadata;
    }

    private static GgufBuilder Llama(string architecture = "llama") => new GgufBuilder()
        .String("general.architecture", architecture).UInt32("llama.embedding_length", 64).UInt32("llama.feed_forward_length", 192)
        .UInt32("llama.block_count", 2).UInt32("llama.attention.head_count", 4).UInt32("llama.vocab_size", 100);

    [Fact]
    public void FromMetadata_TinyFixture_ReadsTheReadmeShape()
    {
        using var file = GgufFile.Open(Fixtures.TinyF32);

        var p = LlamaHyperParameters.FromMetadata(file.Metadata);

        Assert.Equal(new LlamaHyperParameters(64, 192, 2, 4, 2, 2048, 32000, 10000f, 1e-5f), p);
        Assert.Equal(16, p.HeadDimension);
        Assert.Equal(32, p.KvDimension);
    }

    [Fact]
    public void FromMetadata_MissingOptionalKeys_UsesLlamaDefaults()
    {
        var p = LlamaHyperParameters.FromMetadata(Metadata(Llama()));

        Assert.Equal(4, p.KvHeadCount);
        Assert.Equal(10000f, p.RopeFrequencyBase);
        Assert.Equal(1e-5f, p.RmsNormEpsilon);
        Assert.Equal(100, p.VocabularySize);
    }

    [Fact]
    public void FromMetadata_UnknownArchitecture_ThrowsNamingIt()
    {
        var error = Assert.Throws<ModelFormatException>(() => LlamaHyperParameters.FromMetadata(Metadata(Llama("mamba"))));

        Assert.Contains("unknown architecture 'mamba'", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("model.gguf: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromMetadata_KvHeadsNotDividingHeads_ThrowsNamingTheField()
    {
        var error = Assert.Throws<ModelFormatException>(() => LlamaHyperParameters.FromMetadata(Metadata(Llama().UInt32("llama.attention.head_count_kv", 3))));

        Assert.Contains("KvHeadCount", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromMetadata_MissingBlockCount_ThrowsNamingTheKey()
    {
        var builder = new GgufBuilder().String("general.architecture", "llama").UInt32("llama.embedding_length", 64);

        var error = Assert.Throws<ModelFormatException>(() => LlamaHyperParameters.FromMetadata(Metadata(builder)));

        Assert.Contains("llama.", error.Message, StringComparison.Ordinal);
    }
}
