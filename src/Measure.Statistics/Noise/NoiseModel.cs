using Measure.Statistics.Descriptive;
using Measure.Statistics.Special;

namespace Measure.Statistics.Noise;

/// <summary>
/// Run-to-run noise of one (device, workload, metric), learnt from the medians of earlier baseline runs.
/// Within-run samples cannot see it (clock governors, thermal state and background load change between runs),
/// so it widens the practical threshold: a noisy phone stops flapping while a quiet server keeps a tight gate.
/// </summary>
public sealed class NoiseModel
{
    /// <summary>Fewer earlier runs than this give no usable spread estimate.</summary>
    public const int MinimumRuns = 3;

    /// <summary>The gate aims at this one-sided false-positive rate from run-to-run noise alone.</summary>
    public const double FalsePositiveTarget = 0.01;

    private NoiseModel(double relativeSpread, int runCount)
    {
        RelativeSpread = relativeSpread;
        RunCount = runCount;
    }

    /// <summary>Robust coefficient of variation of the run medians (scaled MAD / median).</summary>
    public double RelativeSpread { get; }

    public int RunCount { get; }

    public bool IsUsable => RunCount >= MinimumRuns && double.IsFinite(RelativeSpread);

    public static NoiseModel FromRunMedians(IReadOnlyList<double> runMedians)
    {
        ArgumentNullException.ThrowIfNull(runMedians);
        if (runMedians.Count == 0)
        {
            return new NoiseModel(double.NaN, 0);
        }

        SampleGuard.RequireSamples(runMedians, nameof(runMedians));
        return new NoiseModel(RobustSpread.RelativeMad(runMedians), runMedians.Count);
    }

    public static NoiseModel FromRuns(IEnumerable<IReadOnlyList<double>> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var medians = new List<double>();
        foreach (var run in runs)
        {
            SampleGuard.RequireSamples(run, nameof(runs));
            medians.Add(Quantiles.Median(run));
        }

        return FromRunMedians(medians);
    }

    /// <summary>
    /// max(practical, z * sqrt(2) * spread): the difference of two runs has sqrt(2) times one run's spread, and
    /// z is the one-sided normal quantile for <see cref="FalsePositiveTarget"/>.
    /// </summary>
    public double WidenThreshold(double practicalThreshold)
    {
        if (!IsUsable)
        {
            return practicalThreshold;
        }

        var z = NormalDistribution.Quantile(1 - FalsePositiveTarget);
        return Math.Max(practicalThreshold, z * Math.Sqrt(2) * RelativeSpread);
    }
}
