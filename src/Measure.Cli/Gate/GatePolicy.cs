using Measure.Contracts;
using Measure.Statistics.Comparison;

namespace Measure.Cli.Gate;

/// <summary>
/// Thresholds of one gate call: a default relative threshold plus per-metric overrides
/// (<c>--threshold 0.02 --threshold latency=5% --threshold top1_agreement=abs:0.01</c>).
/// </summary>
public sealed record GatePolicy(MetricThreshold DefaultThreshold, IReadOnlyDictionary<string, MetricThreshold> PerMetric)
{
    /// <summary>
    /// Single values the agent derives from the median latency. The latency samples are already gated; gating these
    /// again on a bare threshold (no spread to test against) would fail builds on noise.
    /// </summary>
    public static IReadOnlySet<string> DerivedFromSamples { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        StandardMetrics.WeightBandwidth.Name, StandardMetrics.Throughput.Name, StandardMetrics.RooflineFraction.Name,
    };

    public static GatePolicy Standard { get; } =
        new(new MetricThreshold(ComparisonOptions.Default.PracticalThreshold, false), new Dictionary<string, MetricThreshold>());

    /// <summary>Parses repeated <c>--threshold</c> values: a bare value sets the default, <c>METRIC=VALUE</c> one metric.</summary>
    public static GatePolicy Parse(IEnumerable<string> specs)
    {
        var fallback = Standard.DefaultThreshold;
        var perMetric = new Dictionary<string, MetricThreshold>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var equals = spec.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                fallback = MetricThreshold.Parse(spec, "--threshold");
                if (fallback.IsAbsolute)
                    throw new ArgumentException("--threshold: the default threshold must be relative; give absolute ones per metric (kl_divergence=abs:0.01)", nameof(specs));
                continue;
            }
            var metric = spec[..equals].Trim();
            if (metric.Length == 0)
                throw new ArgumentException($"--threshold: '{spec}' names no metric (use METRIC=VALUE)", nameof(specs));
            if (!perMetric.TryAdd(metric, MetricThreshold.Parse(spec[(equals + 1)..], $"--threshold {metric}")))
                throw new ArgumentException($"--threshold: metric '{metric}' is given twice", nameof(specs));
        }
        return new GatePolicy(fallback, perMetric);
    }

    public MetricThreshold For(string metric) => PerMetric.TryGetValue(metric, out var threshold) ? threshold : DefaultThreshold;

    /// <summary>Sampled metrics are compared on relative change; an absolute override is turned relative to the baseline.</summary>
    public double RelativeFor(string metric, double baselineCenter)
    {
        var threshold = For(metric);
        return threshold.IsAbsolute
            ? (baselineCenter == 0 ? DefaultThreshold.Value : threshold.Value / Math.Abs(baselineCenter))
            : threshold.Value;
    }

    public SingleValueOptions SingleValueOptions(string metric, bool lowerIsBetter)
    {
        var threshold = For(metric);
        return threshold.IsAbsolute
            ? new SingleValueOptions { LowerIsBetter = lowerIsBetter, AbsoluteThreshold = threshold.Value }
            : new SingleValueOptions { LowerIsBetter = lowerIsBetter, RelativeThreshold = threshold.Value };
    }

    /// <summary>Single values are gated unless derived from gated samples, or explicitly given a threshold.</summary>
    public bool GatesSingleValue(string metric) => !DerivedFromSamples.Contains(metric) || PerMetric.ContainsKey(metric);
}
