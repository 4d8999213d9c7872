namespace Measure.Contracts;

/// <summary>The metrics the bundled workloads report, declared in one place.</summary>
public static class StandardMetrics
{
    public static readonly MetricDeclaration Latency = new(
        "latency", MetricUnits.Milliseconds, MetricDirection.LowerIsBetter, MetricAggregation.Median,
        "Wall time of one timed iteration.");

    public static readonly MetricDeclaration WeightBandwidth = new(
        "weight_bandwidth", MetricUnits.GigabytesPerSecond, MetricDirection.HigherIsBetter, MetricAggregation.Median,
        "Weight bytes read per second at the median latency.", DerivedFrom: Latency.Name);

    public static readonly MetricDeclaration Throughput = new(
        "throughput", MetricUnits.GigaOpsPerSecond, MetricDirection.HigherIsBetter, MetricAggregation.Median,
        "Arithmetic operations (multiply and add counted separately) per second at the median latency.", DerivedFrom: Latency.Name);

    public static readonly MetricDeclaration RooflineFraction = new(
        "roofline_fraction", MetricUnits.Ratio, MetricDirection.HigherIsBetter, MetricAggregation.Median,
        "Weight bandwidth as a fraction of the device's probed read bandwidth for the same thread count.", DerivedFrom: Latency.Name);

    public static IReadOnlyList<MetricDeclaration> All { get; } = [Latency, WeightBandwidth, Throughput, RooflineFraction];
}
