using Measure.Workloads.Llm.Accuracy;

namespace Measure.Workloads.Tests.Llm.Accuracy;

public sealed class LogitStatisticsTests
{
    [Fact]
    public void KlDivergence_IdenticalLogits_IsZero()
    {
        float[] logits = [1, 2, 3, -4];

        Assert.Equal(0, LogitStatistics.KlDivergence(logits, logits), 12);
    }

    [Fact]
    public void KlDivergence_KnownDistributions_MatchesHandComputation()
    {
        // P = softmax(ln 0.5, ln 0.5) = (0.5, 0.5); Q = (0.25, 0.75): KL = 0.5 ln 2 + 0.5 ln(2/3).
        float[] p = [MathF.Log(0.5f), MathF.Log(0.5f)];
        float[] q = [MathF.Log(0.25f), MathF.Log(0.75f)];

        Assert.Equal((0.5 * Math.Log(2)) + (0.5 * Math.Log(2.0 / 3)), LogitStatistics.KlDivergence(p, q), 6);
    }

    [Fact]
    public void LogProbability_ShiftedLogits_IsShiftInvariant()
    {
        float[] a = [0.5f, 2f, -1f];
        float[] b = [100.5f, 102f, 99f];

        Assert.Equal(LogitStatistics.LogProbability(a, 1), LogitStatistics.LogProbability(b, 1), 5);
        Assert.Equal(1.0, new[] { 0, 1, 2 }.Sum(i => Math.Exp(LogitStatistics.LogProbability(a, i))), 12);
    }

    [Fact]
    public void KlDivergence_DifferentLengths_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => LogitStatistics.KlDivergence([1f, 2f], [1f]));
    }
}
