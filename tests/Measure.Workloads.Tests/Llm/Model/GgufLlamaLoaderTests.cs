using Measure.Workloads.Gguf;
using Measure.Workloads.Llm.Model;
using Measure.Workloads.Tests.Gguf;

namespace Measure.Workloads.Tests.Llm.Model;

public sealed class GgufLlamaLoaderTests
{
    private static GgufBuilder TinyLlama(int queryRows = 32)
    {
        const int d = 32, ff = 64, vocab = 8;
        float[] Zeros(int n) => new float[n];
        return new GgufBuilder()
            .String("general.architecture", "llama").UInt32("llama.embedding_length", d).UInt32("llama.feed_forward_length", ff)
            .UInt32("llama.block_count", 1).UInt32("llama.attention.head_count", 2).UInt32("llama.attention.head_count_kv", 1)
            .UInt32("llama.vocab_size", vocab).UInt32("llama.context_length", 16)
            .F32Tensor("token_embd.weight", [d, vocab], Zeros(d * vocab))
            .F32Tensor("output_norm.weight", [d], Zeros(d))
            .F32Tensor("blk.0.attn_norm.weight", [d], Zeros(d))
            .F32Tensor("blk.0.attn_q.weight", [d, queryRows], Zeros(d * queryRows))
            .F32Tensor("blk.0.attn_k.weight", [d, 16], Zeros(d * 16))
            .F32Tensor("blk.0.attn_v.weight", [d, 16], Zeros(d * 16))
            .F32Tensor("blk.0.attn_output.weight", [d, d], Zeros(d * d))
            .F32Tensor("blk.0.ffn_norm.weight", [d], Zeros(d))
            .F32Tensor("blk.0.ffn_gate.weight", [d, ff], Zeros(d * ff))
            .F32Tensor("blk.0.ffn_up.weight", [d, ff], Zeros(d * ff))
            .F32Tensor("blk.0.ffn_down.weight", [ff, d], Zeros(d * ff));
    }

    [Fact]
    public void Load_WellFormedFileWithoutOutputTensor_TiesOutputToEmbedding()
    {
        using var temp = new TempDirectory();
        using var model = LlamaModel.Load(TinyLlama().WriteTo(temp.Path, "ok.gguf"));

        Assert.True(model.Weights.TiedOutput);
        Assert.Null(model.Tokenizer);
        Assert.Equal(WeightPrecision.F32, model.Precision);
    }

    [Fact]
    public void Load_QueryMatrixOfWrongShape_ThrowsNamingTensorShapeAndOffset()
    {
        using var temp = new TempDirectory();
        var path = TinyLlama(queryRows: 31).WriteTo(temp.Path, "bad.gguf");

        var error = Assert.Throws<ModelFormatException>(() => LlamaModel.Load(path));

        Assert.Equal("blk.0.attn_q.weight", error.TensorName);
        Assert.Contains("shape mismatch: tensor is [32, 31], the hyper-parameters need [32, 32]", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Offset);
    }

    [Fact]
    public void Load_MissingTensor_ThrowsNamingIt()
    {
        using var temp = new TempDirectory();
        var path = new GgufBuilder().String("general.architecture", "llama").UInt32("llama.embedding_length", 32)
            .UInt32("llama.feed_forward_length", 64).UInt32("llama.block_count", 1).UInt32("llama.attention.head_count", 2)
            .UInt32("llama.vocab_size", 8).F32Tensor("token_embd.weight", [32, 8], new float[256]).WriteTo(temp.Path, "partial.gguf");

        var error = Assert.Throws<ModelFormatException>(() => LlamaModel.Load(path));

        Assert.Contains("missing tensor", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.TensorName);
    }

    [Fact]
    public void Load_UnknownArchitecture_ThrowsNamingIt()
    {
        using var temp = new TempDirectory();
        var path = new GgufBuilder().String("general.architecture", "gpt-neox").WriteTo(temp.Path, "neox.gguf");

        var error = Assert.Throws<ModelFormatException>(() => LlamaModel.Load(path));

        Assert.Contains("unknown architecture 'gpt-neox'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TruncatedFixture_ThrowsModelFormatExceptionNotACrash()
    {
        using var temp = new TempDirectory();
        var path = temp.File("cut.gguf");
        var bytes = File.ReadAllBytes(Fixtures.TinyF16);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<ModelFormatException>(() => LlamaModel.Load(path));

        Assert.Contains("beyond the end", error.Message, StringComparison.Ordinal);
    }
}
