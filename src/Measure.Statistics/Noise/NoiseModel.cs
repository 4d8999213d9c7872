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
    public const double FalsePositiveTarget = 0.0025;

    // A median's standard error is about 1.2533 sigma / sqrt(n) under normal noise.
    private const double MedianStandardErrorFactor = 1.2533;

    private NoiseModel(double medianSpread, double samplingSpread, int runCount)
    {
        MedianSpread = medianSpread;
        SamplingSpread = samplingSpread;
        RunCount = runCount;
        RelativeSpread = Math.Sqrt(Math.Max(0, (medianSpread * medianSpread) - (samplingSpread * samplingSpread)));
    }

    /// <summary>Robust coefficient of variation of the run medians (scaled MAD / median).</summary>
    public double MedianSpread { get; }

    /// <summary>The part of <see cref="MedianSpread"/> that within-run sampling alone explains (0 when unknown).</summary>
    public double SamplingSpread { get; }

    /// <summary>
    /// Run-to-run spread proper: the median spread with the sampling part removed. The within-run test already
    /// accounts for sampling noise; counting it twice would blunt the gate on quiet devices.
    /// </summary>
    public double RelativeSpread { get; }

    public int RunCount { get; }

    public bool IsUsable => RunCount >= MinimumRuns && double.IsFinite(MedianSpread);

    public static NoiseModel FromRunMedians(IReadOnlyList<double> runMedians)
    {
        ArgumentNullException.ThrowIfNull(runMedians);
        if (runMedians.Count == 0)
        {
            return new NoiseModel(double.NaN, 0, 0);
        }

        SampleGuard.RequireSamples(runMedians, nameof(runMedians));
        return new NoiseModel(RobustSpread.RelativeMad(runMedians), 0, runMedians.Count);
    }

    public static NoiseModel FromRuns(IEnumerable<IReadOnlyList<double>> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var medians = new List<double>();
        var samplingVariance = 0.0;
        foreach (var run in runs)
        {
            SampleGuard.RequireSamples(run, nameof(runs));
            medians.Add(Quantiles.Median(run));
            var standardError = MedianStandardErrorFactor * RobustSpread.RelativeMad(run) / Math.Sqrt(run.Count);
            samplingVariance += double.IsFinite(standardError) ? standardError * standardError : 0;
        }

        if (medians.Count == 0)
        {
            return new NoiseModel(double.NaN, 0, 0);
        }

        return new NoiseModel(RobustSpread.RelativeMad(medians), Math.Sqrt(samplingVariance / medians.Count), medians.Count);
    }

    // Asymptotic efficiency of the MAD relative to the standard deviation under normal noise.
    private const double MadEfficiency = 0.37;

    /// <summary>
    /// max(practical, t * sqrt(2) * run-to-run spread): the difference of two runs has sqrt(2) times one run's spread, and t is
    /// the one-sided Student quantile for <see cref="FalsePositiveTarget"/>. Student rather than normal because the
    /// spread itself is estimated from a handful of runs; the MAD's low efficiency leaves it about 0.37 (k - 1)
    /// degrees of freedom. With a normal quantile at 1%, 20 runs of
    /// history gave 3-4% false positives under 2% run-to-run drift in the evaluation, and a Student quantile at 0.5%
    /// still 1.2% (the within-run test adds its own): 0.25% keeps the whole gate under 1%.
    /// </summary>
    public double WidenThreshold(double practicalThreshold)
    {
        if (!IsUsable)
        {
            return practicalThreshold;
        }

        return Math.Max(practicalThreshold, NoiseMultiplier * RelativeSpread);
    }

    /// <summary>The factor applied to the run-to-run spread (about 5.7 with 20 runs of history).</summary>
    public double NoiseMultiplier => IsUsable
        ? StudentTDistribution.Quantile(1 - FalsePositiveTarget, MadEfficiency * (RunCount - 1)) * Math.Sqrt(2)
        : double.NaN;
}
