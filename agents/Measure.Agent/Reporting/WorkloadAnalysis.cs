using System.Globalization;
using Measure.Contracts;
using Measure.Sensors.Energy;
using Measure.Sensors.Power;
using Measure.Sensors.Sampling;
using Measure.Sensors.Throttling;
using Measure.Statistics.Descriptive;
using Measure.Statistics.Detection;

namespace Measure.Agent.Reporting;

/// <summary>
/// Pure derivations from what a workload measured and what the sampler saw during it: energy per
/// phase with provenance (or why not), throttling, burst versus sustained throughput, modality and the
/// sampler's own cost. Each returns values and flags; nothing here touches a sensor.
/// </summary>
public static class WorkloadAnalysis
{
    /// <summary>Below this many timed iterations burst and sustained windows would be a handful of samples each.</summary>
    public const int MinIterationsForBurst = 20;

    public static (IReadOnlyList<MetricValue> Values, IReadOnlyList<string> Flags) Energy(
        Measure.Sensors.Sampling.SensorTrace trace, PowerSourceInfo? source, string? noSourceReason, IdleBaseline? baseline, string? noBaselineReason,
        PhaseWindow timed, int iterations)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(timed);
        PhaseEnergy energy;
        if (source is null)
            energy = PhaseEnergy.Unavailable(timed.Name, timed.DurationSeconds, noSourceReason ?? "no power sensor");
        else if (baseline is null)
            energy = PhaseEnergy.Unavailable(timed.Name, timed.DurationSeconds, "no idle baseline: " + (noBaselineReason ?? "the idle phase was skipped (idle_s: 0)"), source);
        else
            energy = EnergyAccounting.ForPhase(trace, source, timed, baseline);

        if (!energy.IsAvailable)
        {
            return ([
                new MetricValue(AgentMetrics.Energy.Name, null, Unavailable: energy.UnavailableReason),
                new MetricValue(AgentMetrics.EnergyPerIteration.Name, null, Unavailable: energy.UnavailableReason),
            ], [RunFlags.EnergyUnavailable]);
        }

        var net = energy.NetJoules!.Value;
        double? relative = net != 0 && energy.UncertaintyJoules is { } u ? u / Math.Abs(net) : null;
        var provenance = string.Create(CultureInfo.InvariantCulture,
            $"{energy.Source!.Kind}/{energy.Source.Name} ({energy.Source.Scope}), {(energy.Source.IsCumulativeCounter ? "counter difference" : "trapezoid integral")} minus idle {energy.Baseline!.Watts:0.###} W");
        var flags = energy.UnreliableReason is null ? Array.Empty<string>() : [RunFlags.EnergyUnreliable];
        return ([
            new MetricValue(AgentMetrics.Energy.Name, net, Source: provenance, RelativeUncertainty: relative),
            new MetricValue(AgentMetrics.EnergyPerIteration.Name, energy.JoulesPer(iterations), Source: provenance, RelativeUncertainty: relative),
        ], flags);
    }

    /// <summary>
    /// Net energy summed over every window of one phase (each prefill of a run, say) divided by the work
    /// done in them (tokens), e.g. J/token of decode; unavailable with the first reason any window gives.
    /// </summary>
    public static MetricValue EnergyPerUnit(
        Measure.Sensors.Sampling.SensorTrace trace, PowerSourceInfo? source, string? noSourceReason, IdleBaseline? baseline, string? noBaselineReason,
        IReadOnlyList<PhaseWindow> windows, Running.PhaseEnergyRequest request)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(request);
        string? unavailable = source is null ? noSourceReason ?? "no power sensor"
            : baseline is null ? "no idle baseline: " + (noBaselineReason ?? "the idle phase was skipped (idle_s: 0)")
            : windows.Count == 0 || request.Units < 1 ? $"no '{request.Phase}' work was measured"
            : null;
        if (unavailable is not null)
            return new MetricValue(request.Metric.Name, null, Unavailable: unavailable);

        double net = 0, uncertainty = 0;
        foreach (var window in windows)
        {
            var energy = EnergyAccounting.ForPhase(trace, source!, window, baseline);
            if (!energy.IsAvailable)
                return new MetricValue(request.Metric.Name, null, Unavailable: energy.UnavailableReason);
            net += energy.NetJoules!.Value;
            uncertainty += energy.UncertaintyJoules ?? 0;
        }
        var provenance = string.Create(CultureInfo.InvariantCulture,
            $"{source!.Kind}/{source.Name} over {windows.Count} '{request.Phase}' window(s) minus idle {baseline!.Watts:0.###} W, per {request.UnitName}");
        return new MetricValue(request.Metric.Name, net / request.Units, Source: provenance, RelativeUncertainty: net != 0 ? uncertainty / Math.Abs(net) : null);
    }

    public static (IReadOnlyList<MetricValue> Values, IReadOnlyList<string> Flags) Throttling(Measure.Sensors.Sampling.SensorTrace trace, PhaseWindow timed)
    {
        var assessment = ThrottleDetector.Assess(trace, timed);
        var flags = new List<string>();
        if (assessment.Throttled)
            flags.Add(RunFlags.Throttled);
        if (assessment.UnderVoltage)
            flags.Add(RunFlags.UnderVoltage);
        if (!assessment.CouldObserve)
            flags.Add(RunFlags.ThrottlingUnobservable);
        var value = assessment.SecondsUntilThrottle is { } seconds
            ? new MetricValue(AgentMetrics.TimeToThrottle.Name, seconds, Source: string.Join("; ", assessment.Evidence.Select(e => $"{e.Channel}: {e.Description}")))
            : new MetricValue(AgentMetrics.TimeToThrottle.Name, null,
                Unavailable: assessment.CouldObserve ? "no throttling observed" : "no clock, thermal or firmware sensor to observe throttling");
        return ([value], flags);
    }

    /// <summary>Throughput at the median latency of the first tenth versus the last half of the timed iterations.</summary>
    public static IReadOnlyList<MetricValue> BurstAndSustained(IReadOnlyList<double> latenciesMs, double operationsPerIteration)
    {
        ArgumentNullException.ThrowIfNull(latenciesMs);
        var n = latenciesMs.Count;
        if (n < MinIterationsForBurst)
        {
            var reason = $"only {n} timed iterations (needs {MinIterationsForBurst})";
            return [new MetricValue(AgentMetrics.BurstThroughput.Name, null, Unavailable: reason), new MetricValue(AgentMetrics.SustainedThroughput.Name, null, Unavailable: reason)];
        }
        var burst = Quantiles.Median(latenciesMs.Take(Math.Max(2, n / 10)).ToArray());
        var sustained = Quantiles.Median(latenciesMs.Skip(n - n / 2).ToArray());
        return
        [
            new MetricValue(AgentMetrics.BurstThroughput.Name, operationsPerIteration / (burst / 1000) / 1e9, Source: $"median latency of the first {Math.Max(2, n / 10)} timed iterations"),
            new MetricValue(AgentMetrics.SustainedThroughput.Name, operationsPerIteration / (sustained / 1000) / 1e9, Source: $"median latency of the last {n / 2} timed iterations"),
        ];
    }

    public static IReadOnlyList<string> Modality(IReadOnlyList<double> latenciesMs) =>
        latenciesMs.Count > 0 && MultimodalityDetector.Detect(latenciesMs).IsMultimodal ? [RunFlags.Multimodal] : [];

    /// <summary>The sampler thread's CPU between two cost readings as a fraction of one core.</summary>
    public static MetricValue SamplerCpu(SamplerCost before, SamplerCost after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var wall = after.WallTime - before.WallTime;
        if (before.ThreadCpuTime is not { } cpuBefore || after.ThreadCpuTime is not { } cpuAfter || wall <= TimeSpan.Zero)
            return new MetricValue(AgentMetrics.SamplerCpu.Name, null, Unavailable: "thread CPU time is not readable on this OS");
        return new MetricValue(AgentMetrics.SamplerCpu.Name, (cpuAfter - cpuBefore) / wall,
            Source: string.Create(CultureInfo.InvariantCulture, $"sampler thread CPU / wall time at {after.RateHz:0.#} Hz"));
    }

    /// <summary>Mean temperature of every zone over a window (the idle baseline of the cooldown rule).</summary>
    public static IReadOnlyDictionary<string, double> MeanTemperatures(Measure.Sensors.Sampling.SensorTrace trace, long start, long end) =>
        trace.OfKind(SensorChannelKind.TemperatureCelsius)
            .Select(s => (s.Channel.Name, Values: Enumerable.Range(0, s.Count).Where(i => s.Timestamps[i] >= start && s.Timestamps[i] <= end && double.IsFinite(s.Values[i])).Select(i => s.Values[i]).ToArray()))
            .Where(x => x.Values.Length > 0)
            .ToDictionary(x => x.Name, x => x.Values.Average(), StringComparer.Ordinal);

    /// <summary>The latest reading of every zone.</summary>
    public static IReadOnlyDictionary<string, double> LatestTemperatures(Measure.Sensors.Sampling.SensorTrace trace) =>
        trace.OfKind(SensorChannelKind.TemperatureCelsius)
            .Select(s => (s.Channel.Name, Last: s.Values.LastOrDefault(double.IsFinite, double.NaN)))
            .Where(x => double.IsFinite(x.Last))
            .ToDictionary(x => x.Name, x => x.Last, StringComparer.Ordinal);
}
