using Measure.Workloads.Gguf;

namespace Measure.Workloads.Tests.Gguf;

public sealed class GgufFileTests
{
    [Fact]
    public void Open_TinyF32Fixture_ReadsHeaderMetadataAndTensorTable()
    {
        using var file = GgufFile.Open(Fixtures.TinyF32);

        Assert.Equal(3u, file.Version);
        Assert.Equal(32, file.Alignment);
        Assert.Equal(0, file.DataOffset % 32);
        Assert.Equal("llama", file.Metadata.GetString("general.architecture"));
        Assert.Equal(64, file.Metadata.GetInteger("llama.embedding_length"));
        Assert.Equal(32000, file.Metadata.GetArray<string>("tokenizer.ggml.tokens").Length);
        Assert.Equal(32000, file.Metadata.GetArray<float>("tokenizer.ggml.scores").Length);
        Assert.Equal(21, file.Tensors.Count);
        var embedding = file.GetTensor("token_embd.weight");
        Assert.Equal([64L, 32000L], embedding.Dimensions);
        Assert.Equal(32000, embedding.Rows);
        Assert.Equal(64, embedding.Columns);
        Assert.Equal(64L * 32000 * 4, embedding.ByteSize);
    }

    [Theory]
    [InlineData("tiny-f32.gguf", GgufTensorType.F32)]
    [InlineData("tiny-f16.gguf", GgufTensorType.F16)]
    [InlineData("tiny-q8_0.gguf", GgufTensorType.Q8_0)]
    public void Open_EachFixture_MatricesHaveTheReadmeTypeAndNormsAreF32Ones(string name, GgufTensorType matrixType)
    {
        using var file = GgufFile.Open(Path.Combine(Path.GetDirectoryName(Fixtures.TinyF32)!, name));

        Assert.All(file.Tensors.Where(t => t.Dimensions.Count == 2), t => Assert.Equal(matrixType, t.Type));
        var norm = file.GetFloats(file.GetTensor("blk.1.ffn_norm.weight"));
        Assert.Equal(64, norm.Length);
        Assert.All(norm.ToArray(), v => Assert.Equal(1.0f, v));
    }

    [Fact]
    public void GetHalves_F16Fixture_MatchesTheF32FixtureWithinHalfPrecision()
    {
        using var f32 = GgufFile.Open(Fixtures.TinyF32);
        using var f16 = GgufFile.Open(Fixtures.TinyF16);

        var reference = f32.GetFloats(f32.GetTensor("blk.0.attn_q.weight"));
        var halves = f16.GetHalves(f16.GetTensor("blk.0.attn_q.weight"));

        Assert.Equal(reference.Length, halves.Length);
        for (var i = 0; i < reference.Length; i++)
        {
            Assert.Equal(reference[i], (float)halves[i], 0.001f);
            Assert.InRange(reference[i], -0.5f, 0.5f);
        }
    }

    [Fact]
    public void GetFloats_OnF16Tensor_ThrowsNamingTheTensor()
    {
        using var file = GgufFile.Open(Fixtures.TinyF16);

        var error = Assert.Throws<ModelFormatException>(() => file.GetFloats(file.GetTensor("output.weight")).Length);

        Assert.Contains("output.weight", error.Message, StringComparison.Ordinal);
        Assert.Contains("F16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetTensor_MissingName_ThrowsNamingFileAndTensor()
    {
        using var file = GgufFile.Open(Fixtures.TinyQ8);

        var error = Assert.Throws<ModelFormatException>(() => file.GetTensor("blk.9.attn_q.weight"));

        Assert.Contains("tiny-q8_0.gguf", error.Message, StringComparison.Ordinal);
        Assert.Contains("blk.9.attn_q.weight", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MissingFile_ThrowsModelFormatExceptionNamingThePath()
    {
        var error = Assert.Throws<ModelFormatException>(() => GgufFile.Open("/nonexistent/model.gguf"));

        Assert.Contains("/nonexistent/model.gguf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_EmptyFile_ThrowsNotAGgufFile()
    {
        using var temp = new TempDirectory();
        var path = temp.File("empty.gguf");
        File.WriteAllBytes(path, []);

        var error = Assert.Throws<ModelFormatException>(() => GgufFile.Open(path));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_TruncatedFixtureFiles_ThrowModelFormatExceptionNamingTheFile()
    {
        using var temp = new TempDirectory();
        var bytes = File.ReadAllBytes(Fixtures.TinyQ8);
        foreach (var length in new[] { 3, 10, 30, 5000, 700_000, 725_100, 4_000_000, bytes.Length - 1 })
        {
            var path = temp.File($"cut-{length}.gguf");
            File.WriteAllBytes(path, bytes[..length]);

            var error = Assert.Throws<ModelFormatException>(() => GgufFile.Open(path));

            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.NotNull(error.Offset);
        }
    }
}
