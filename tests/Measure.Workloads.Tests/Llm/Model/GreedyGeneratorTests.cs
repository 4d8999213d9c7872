using Measure.Kernels.Threading;
using Measure.Workloads.Llm.Model;

namespace Measure.Workloads.Tests.Llm.Model;

public sealed class GreedyGeneratorTests
{
    private const string ReferenceContinuation = "рук CamWriteargin elaboruid cultura må write Außertrztok么\"符 inches";

    private static (IReadOnlyList<int> Tokens, string Text) Generate(string path, WeightPrecision? precision = null)
    {
        using var model = LlamaModel.Load(path, precision);
        using var context = new KernelContext(threads: 1);
        var session = new LlamaSession(model, context, contextLength: 64);
        var prompt = model.Tokenizer!.Encode("Once upon a time");
        var tokens = GreedyGenerator.Generate(session, prompt, 16);
        return (tokens, model.Tokenizer.Decode(tokens));
    }

    [Fact]
    public void Generate_TinyF32_ReproducesTheLlamaCppContinuation()
    {
        var (tokens, text) = Generate(Fixtures.TinyF32);

        Assert.Equal(16, tokens.Count);
        Assert.Equal(ReferenceContinuation, text);
    }

    [Fact]
    public void Generate_TinyF16_GivesTheSameSixteenTokens()
    {
        Assert.Equal(Generate(Fixtures.TinyF32).Tokens, Generate(Fixtures.TinyF16).Tokens);
    }

    [Fact]
    public void Generate_TinyQ8_AgreesUpToElaborThenDeparts()
    {
        var reference = Generate(Fixtures.TinyF32).Tokens;
        var (tokens, text) = Generate(Fixtures.TinyQ8);

        // "рук", " Cam", "Write", "argin", " elabor" are the first five reference tokens; the sixth ("uid") differs.
        Assert.StartsWith("рук CamWriteargin elabor", text, StringComparison.Ordinal);
        Assert.Equal(reference.Take(5), tokens.Take(5));
        Assert.NotEqual(reference[5], tokens[5]);
    }
}
