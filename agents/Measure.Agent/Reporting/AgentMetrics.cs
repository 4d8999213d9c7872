using Measure.Contracts;

namespace Measure.Agent.Reporting;

/// <summary>
/// The metrics the agent's run protocol and sensors add to every workload, declared once here
/// (the workload figures themselves are in <see cref="StandardMetrics"/>).
/// </summary>
public static class AgentMetrics
{
    public static readonly MetricDeclaration Energy = new(
        "energy", MetricUnits.Joules, MetricDirection.LowerIsBetter, MetricAggregation.Sum,
        "Energy of the timed phase above the idle baseline (integral of power over the phase minus idle power times its duration).");

    public static readonly MetricDeclaration EnergyPerIteration = new(
        "energy_per_iteration", MetricUnits.Joules, MetricDirection.LowerIsBetter, MetricAggregation.Median,
        "Net energy of the timed phase divided by its iterations.");

    public static readonly MetricDeclaration SamplerCpu = new(
        "sampler_cpu", MetricUnits.Ratio, MetricDirection.LowerIsBetter, MetricAggregation.Max,
        "CPU time of the sensor sampler thread as a fraction of one core while the workload ran.");

    public static readonly MetricDeclaration BurstThroughput = new(
        "throughput_burst", MetricUnits.GigaOpsPerSecond, MetricDirection.HigherIsBetter, MetricAggregation.Median,
        "Throughput at the median latency of the first tenth of the timed iterations (before heat builds up).", DerivedFrom: StandardMetrics.Latency.Name);

    public static readonly MetricDeclaration SustainedThroughput = new(
        "throughput_sustained", MetricUnits.GigaOpsPerSecond, MetricDirection.HigherIsBetter, MetricAggregation.Median,
        "Throughput at the median latency of the last half of the timed iterations.", DerivedFrom: StandardMetrics.Latency.Name);

    public static readonly MetricDeclaration TimeToThrottle = new(
        "time_to_throttle", MetricUnits.Seconds, MetricDirection.HigherIsBetter, MetricAggregation.Last,
        "Seconds from the start of the timed phase to the first sign of throttling.");

    public static readonly MetricDeclaration WarmupIterations = new(
        "warmup_iterations", "iterations", MetricDirection.LowerIsBetter, MetricAggregation.Last,
        "Warm-up iterations before the latency series was steady (or the warm-up budget ran out).");

    public static IReadOnlyList<MetricDeclaration> All { get; } =
        [Energy, EnergyPerIteration, SamplerCpu, BurstThroughput, SustainedThroughput, TimeToThrottle, WarmupIterations];

    /// <summary>Every metric a report of this agent may carry, each declared once.</summary>
    public static IReadOnlyList<MetricDeclaration> Catalog { get; } =
        StandardMetrics.All.Concat(All).Concat(LlmMetrics.All).Concat(VisionMetrics.All).DistinctBy(m => m.Name).ToList();
}
