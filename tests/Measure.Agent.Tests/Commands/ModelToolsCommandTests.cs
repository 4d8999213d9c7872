using Measure.Agent.Commands;
using Measure.Agent.Tests.Fakes;
using Measure.Tests.Shared;

namespace Measure.Agent.Tests.Commands;

/// <summary>`tokenize` and `generate` on the llama.cpp-written fixtures must print what its README says llama.cpp printed.</summary>
[Collection("Console")]
public sealed class ModelToolsCommandTests
{
    private const string ReferenceContinuation = "рук CamWriteargin elaboruid cultura må write Außertrztok么\"符 inches";

    [Theory]
    [InlineData("Hello world", "[1, 15043, 3186]")]
    [InlineData("The quick brown fox jumps over the lazy dog.", "[1, 450, 4996, 17354, 1701, 29916, 432, 17204, 975, 278, 17366, 11203, 29889]")]
    public async Task Tokenize_Fixture_PrintsReadmeTokenIds(string text, string expected)
    {
        var result = await ConsoleCapture.RunAgent("tokenize", "--model", GgufFixtures.TinyF16, text);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(expected, result.Out.TrimEnd('\n'));
    }

    [Theory]
    [InlineData("tiny-f32.gguf", "f32")]
    [InlineData("tiny-f16.gguf", "f16")]
    public async Task Generate_FloatFixtures_PrintReadmeContinuation(string file, string precision)
    {
        var result = await ConsoleCapture.RunAgent("generate", "--model", RepoPaths.GgufFixture(file), "--precision", precision, "-n", "16", "Once upon a time");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(ReferenceContinuation, result.Out.TrimEnd('\n'));
    }

    [Fact]
    public async Task Generate_Q8Fixture_DepartsAfterElaborAsReadmeSays()
    {
        var result = await ConsoleCapture.RunAgent("generate", "--model", GgufFixtures.TinyQ8, "--precision", "q8_0", "-n", "16", "Once upon a time");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.StartsWith("рук CamWriteargin elabor", result.Out, StringComparison.Ordinal);
        Assert.NotEqual(ReferenceContinuation, result.Out.TrimEnd('\n'));
    }

    [Fact]
    public async Task Tokenize_TruncatedCopy_OneLineErrorNamingFileExit2()
    {
        using var temp = new TempStateDirectory();
        var truncated = Path.Join(temp.State.Path, "truncated.gguf");
        var bytes = await File.ReadAllBytesAsync(GgufFixtures.TinyF32);
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 3)]);

        foreach (var args in new[] { new[] { "tokenize", "--model", truncated, "Hello" }, ["generate", "--model", truncated, "-n", "2", "Hello"] })
        {
            var result = await ConsoleCapture.RunAgent(args);

            Assert.Equal(ExitCodes.BadInput, result.ExitCode);
            var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith($"measure-agent: {truncated}: ", line, StringComparison.Ordinal);
            Assert.Empty(result.Out);
        }
    }

    [Fact]
    public async Task Generate_WrongMagic_OneLineErrorNamingFileExit2()
    {
        using var temp = new TempStateDirectory();
        var wrong = Path.Join(temp.State.Path, "not-a-model.gguf");
        var bytes = await File.ReadAllBytesAsync(GgufFixtures.TinyF16);
        "GGML"u8.CopyTo(bytes);
        await File.WriteAllBytesAsync(wrong, bytes);

        var result = await ConsoleCapture.RunAgent("generate", "--model", wrong, "--precision", "f32", "-n", "4", "Once upon a time");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(wrong, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_UnknownPrecision_Exit2()
    {
        var result = await ConsoleCapture.RunAgent("generate", "--model", GgufFixtures.TinyF16, "--precision", "q4_k", "Once");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("q4_k", result.Error, StringComparison.Ordinal);
    }
}
