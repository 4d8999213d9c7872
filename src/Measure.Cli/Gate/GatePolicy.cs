using Measure.Contracts;
using Measure.Statistics.Comparison;

namespace Measure.Cli.Gate;

/// <summary>
/// Thresholds of one gate call: a default relative threshold plus per-metric overrides
/// (<c>--threshold 0.02 --threshold latency=5% --threshold top1_agreement=abs:0.01</c>).
/// </summary>
public sealed record GatePolicy(MetricThreshold DefaultThreshold, IReadOnlyDictionary<string, MetricThreshold> PerMetric)
{
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

    /// <summary>
    /// Single values are gated unless they derive from samples the same workload carries (tokens/s from per-token
    /// latency: those samples are gated already, and a bare threshold without their spread fails builds on noise),
    /// or unless a threshold is given for them explicitly.
    /// </summary>
    public bool GatesSingleValue(MetricDeclaration metric, Func<string, bool> hasSamples)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(hasSamples);
        // Reports of agents older than the declaration's derivedFrom field still name the standard derived metrics.
        var source = metric.DerivedFrom ?? StandardMetrics.All.FirstOrDefault(m => m.Name == metric.Name)?.DerivedFrom;
        return source is null || !hasSamples(source) || PerMetric.ContainsKey(metric.Name);
    }
}
