using Measure.Kernels.Threading;
using Xunit.Abstractions;
using Measure.Workloads.Llm.Accuracy;
using Measure.Workloads.Llm.Model;

namespace Measure.Workloads.Tests.Llm.Accuracy;

public sealed class AccuracyEvaluatorTests(ITestOutputHelper output)
{
    private static readonly string[] PromptTexts = ["Once upon a time", "The quick brown fox jumps over the lazy dog."];

    [Fact]
    public void Compare_F16AndQ8FixturesAgainstF32_AgreeClosely()
    {
        using var context = new KernelContext(threads: 1);
        using var f32 = LlamaModel.Load(Fixtures.TinyF32);
        using var f16 = LlamaModel.Load(Fixtures.TinyF16);
        using var q8 = LlamaModel.Load(Fixtures.TinyQ8);
        var prompts = PromptTexts.Select(t => f32.Tokenizer!.Encode(t)).ToList();

        var self = AccuracyEvaluator.Compare(f32, f32, prompts, 8, context);
        var half = AccuracyEvaluator.Compare(f32, f16, prompts, 8, context);
        var int8 = AccuracyEvaluator.Compare(f32, q8, prompts, 8, context);

        output.WriteLine($"{half}\n{int8}");
        Assert.Equal(18, self.Positions);
        Assert.Equal(1.0, self.Top1Agreement);
        Assert.Equal(0, self.MeanKlDivergence, 9);
        Assert.Equal("f16", half.CandidatePrecision);
        Assert.True(half.Top1Agreement >= 0.9, $"f16 top-1 agreement {half.Top1Agreement}");
        Assert.InRange(half.MeanKlDivergence, 0, 1e-3);
        Assert.True(int8.Top1Agreement >= 0.6, $"q8_0 top-1 agreement {int8.Top1Agreement}");
        Assert.InRange(int8.MeanKlDivergence, half.MeanKlDivergence, 0.05);
    }

    [Fact]
    public void Compare_ConvertedPrecision_MatchesTheFixtureOfThatPrecisionClosely()
    {
        using var context = new KernelContext(threads: 1);
        using var f32 = LlamaModel.Load(Fixtures.TinyF32);
        var q8FromF32 = f32.WithPrecision(WeightPrecision.Q8_0);
        var prompts = new[] { f32.Tokenizer!.Encode("Hello world") };

        var report = AccuracyEvaluator.Compare(f32, q8FromF32, prompts, 4, context);

        Assert.Equal("q8_0", report.CandidatePrecision);
        Assert.InRange(report.MeanKlDivergence, 1e-9, 0.05);
    }

    [Fact]
    public void Perplexity_OfAText_EqualsTheTokenByTokenLikelihood()
    {
        using var context = new KernelContext(threads: 1);
        using var model = LlamaModel.Load(Fixtures.TinyF32);
        var tokens = model.Tokenizer!.Encode("The quick brown fox jumps over the lazy dog. Once upon a time there was a llama.");

        var report = AccuracyEvaluator.Perplexity(model, tokens, window: 16, context);

        var session = new LlamaSession(model, context, 16);
        double nll = 0;
        for (int start = 0; start + 1 < tokens.Count; start += 16)
        {
            session.Reset();
            var chunk = tokens.Skip(start).Take(16).ToList();
            for (int i = 0; i + 1 < chunk.Count; i++)
            {
                nll -= LogitStatistics.LogProbability(session.Decode(chunk[i]), chunk[i + 1]);
            }
        }

        Assert.Equal(tokens.Count - report.Windows, report.ScoredTokens);
        Assert.Equal(nll / report.ScoredTokens, report.MeanNegativeLogLikelihood, 4);
        Assert.Equal(Math.Exp(report.MeanNegativeLogLikelihood), report.Perplexity, 6);
    }

    [Fact]
    public void PerplexityOfText_SeededModelWithoutTokenizer_ThrowsArgumentException()
    {
        using var context = new KernelContext(threads: 1);
        using var model = Measure.Workloads.Llm.Presets.SeededLlama.Create(Measure.Workloads.Llm.Presets.LlamaPresets.Tiny, WeightPrecision.F32);

        Assert.Throws<ArgumentException>(() => AccuracyEvaluator.PerplexityOfText(model, "some text", 8, context));
    }

    [Fact]
    public void PerplexityOfText_Fixture_IsAboveOneAndFinite()
    {
        using var context = new KernelContext(threads: 1);
        using var model = LlamaModel.Load(Fixtures.TinyF32);

        var report = AccuracyEvaluator.PerplexityOfText(model, "Once upon a time there was a llama who loved benchmarks.", 32, context);

        Assert.InRange(report.Perplexity, 1.0, 1e7);
        Assert.Equal("f32", report.Precision);
    }
}
