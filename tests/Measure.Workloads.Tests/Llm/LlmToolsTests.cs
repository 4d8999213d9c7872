using Measure.Workloads.Gguf;
using Measure.Workloads.Llm;
using Measure.Workloads.Llm.Model;

namespace Measure.Workloads.Tests.Llm;

public sealed class LlmToolsTests
{
    [Fact]
    public void Tokenize_Fixture_PrintsBosFirstIds()
    {
        Assert.Equal([1, 15043, 3186], LlmTools.Tokenize(Fixtures.TinyF16, "Hello world"));
    }

    [Theory]
    [InlineData(WeightPrecision.F32)]
    [InlineData(WeightPrecision.F16)]
    public void Generate_ReferencePrompt_PrintsTheReadmeContinuation(WeightPrecision precision)
    {
        var result = LlmTools.Generate(Fixtures.TinyF32, precision, 16, "Once upon a time");

        Assert.Equal("рук CamWriteargin elaboruid cultura må write Außertrztok么\"符 inches", result.Text);
        Assert.Equal(16, result.GeneratedTokens.Count);
        Assert.Equal(1, result.PromptTokens[0]);
    }

    [Fact]
    public void Generate_Q8FileAtF32_RunsTheDequantizedReference()
    {
        var q8 = LlmTools.Generate(Fixtures.TinyQ8, WeightPrecision.Q8_0, 8, "Once upon a time");
        var dequantized = LlmTools.Generate(Fixtures.TinyQ8, WeightPrecision.F32, 8, "Once upon a time");

        Assert.Equal("q8_0", q8.Precision);
        Assert.StartsWith("рук CamWriteargin elabor", dequantized.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_TooManyTokens_ThrowsNamingTheContext()
    {
        var error = Assert.Throws<ArgumentException>(() => LlmTools.Generate(Fixtures.TinyF32, WeightPrecision.F32, 5000, "Hi"));

        Assert.Contains("context of 2048", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokenize_NotAGgufFile_ThrowsModelFormatException()
    {
        using var temp = new TempDirectory();
        var path = temp.File("model.gguf");
        File.WriteAllText(path, "this is not a model");

        var error = Assert.Throws<ModelFormatException>(() => LlmTools.Tokenize(path, "x"));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
