using System.Globalization;
using Measure.Agent.Reporting;
using Measure.Agent.Suites;
using Measure.Contracts;
using Measure.Sensors.Energy;
using Measure.Sensors.Sampling;

namespace Measure.Agent.Running;

/// <summary>
/// Runs every workload of a suite under the run protocol with the sensor sampler going: an idle
/// baseline first (power and temperatures), then per workload a cooldown, a steady-state warm-up and
/// the timed iterations, each phase marked on the sampler's clock; finally energy, throttling and
/// modality are derived from the trace and everything goes into one report.
/// </summary>
public sealed class SuiteRunner(TimeProvider clock, SensorProbes sensors, IterationClock? iterationClock = null, Action<TimeSpan>? sleep = null)
{
    private readonly IterationClock _clock = iterationClock ?? IterationClock.Monotonic;
    private readonly Action<TimeSpan> _sleep = sleep ?? Thread.Sleep;

    private sealed record Measured(WorkloadMeasurement Measurement, string Key, CooldownOutcome Cooldown, SamplerCost CostBefore, SamplerCost CostAfter, bool OwnPeakMemory);

    /// <param name="inputs">A real model (and text) to run the suite's LLM workloads on instead of presets.</param>
    public RunReport Run(SuiteDefinition suite, DeviceFingerprint device, IReadOnlyDictionary<string, string>? labels, IRunProgress progress, CancellationToken cancellationToken,
        WorkloadInputs? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(progress);
        inputs ??= WorkloadInputs.None;
        WorkloadFactory.Validate(suite, inputs);
        var rules = suite.Rules;
        var startedAt = clock.GetUtcNow();
        var origin = _clock.Now();
        var phases = new List<PhaseMark>();
        var source = sensors.Power.Primary?.Info;
        var hasThermal = sensors.Channels.Any(c => c.Kind == SensorChannelKind.TemperatureCelsius);

        using var sampler = new SensorSampler(sensors.Probes, new SamplerOptions(rules.SampleRateHz, Math.Min(1, rules.SampleRateHz)));
        sampler.Start();

        PhaseWindow? idle = null;
        IReadOnlyDictionary<string, double> idleCelsius = new Dictionary<string, double>();
        if ((source is not null || hasThermal) && rules.IdleSeconds > 0)
        {
            progress.Phase("idle baseline");
            WaitForFirstTick(sampler);
            var idleStart = _clock.Now();
            _sleep(TimeSpan.FromSeconds(rules.IdleSeconds));
            idle = new PhaseWindow("idle", idleStart, _clock.Now());
            phases.Add(Mark(idle, origin, null));
            idleCelsius = WorkloadAnalysis.MeanTemperatures(sampler.Snapshot(), idle.Start, idle.End);
        }

        var measured = new List<Measured>();
        var creators = WorkloadFactory.Expand(suite, inputs).ToList();
        for (var index = 0; index < creators.Count; index++)
            measured.Add(MeasureOne(index));

        // Its own frame, so nothing keeps the workload (a model of gigabytes) reachable once it returns: the next
        // workload's collection frees it before the next model is built.
        Measured MeasureOne(int index)
        {
            var ownPeakMemory = WorkloadPeakMemory.Begin();
            using var workload = creators[index]();
            var key = string.Create(CultureInfo.InvariantCulture, $"{workload.Name}/{workload.Precision}/{workload.Threads}t");
            progress.Workload(index, creators.Count, $"{key} ({workload.Isa})");

            progress.Phase("cooldown");
            var cooldownStart = _clock.Now();
            var cooldown = CooldownWaiter.Wait(rules.Cooldown, idleCelsius, () => WorkloadAnalysis.LatestTemperatures(sampler.Snapshot()), _clock, _sleep, cancellationToken);
            if (cooldown.Waited)
                phases.Add(new PhaseMark("cooldown", Seconds(cooldownStart, origin), Seconds(_clock.Now(), origin), key));

            var costBefore = sampler.Cost();
            var measurement = workload.Measure(rules, _clock, device.Limits, progress, cancellationToken);
            var costAfter = sampler.Cost();
            if (measurement.WarmupCount > 0)
                phases.Add(new PhaseMark("warmup", Seconds(measurement.WarmupStart, origin), Seconds(measurement.MeasureStart, origin), key));
            phases.Add(new PhaseMark("timed", Seconds(measurement.MeasureStart, origin), Seconds(measurement.MeasureEnd, origin), key));
            phases.AddRange(measurement.Phases.Select(p => new PhaseMark(p.Name, Seconds(p.Start, origin), Seconds(p.End, origin), key)));
            return new Measured(measurement, key, cooldown, costBefore, costAfter, ownPeakMemory);
        }

        // Two more ticks after the last phase, so the trace covers its end and energy can be integrated over it.
        if (source is not null)
            WaitForTicks(sampler, sampler.Cost().Ticks + 2);
        sampler.Stop();
        var trace = sampler.Snapshot();
        var (baseline, noBaseline) = source is not null && idle is not null ? EnergyAccounting.MeasureIdle(trace, source, idle) : (null, null);

        var results = measured.Select(m => Enrich(m, trace, source, baseline, noBaseline)).ToList();
        var runFlags = results.SelectMany(r => r.Flags ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new RunReport(
            SchemaVersion: ProtocolVersion.RunReportSchema,
            RunId: Guid.NewGuid(),
            StartedAt: startedAt,
            FinishedAt: clock.GetUtcNow(),
            Device: device,
            Suite: new SuiteRef(suite.Id, suite.Version, suite.ContentHash),
            Metrics: AgentMetrics.Catalog,
            Workloads: results,
            Labels: WithPreconditionsNote(suite, labels),
            Flags: runFlags,
            Phases: phases,
            SensorTraces: TraceConverter.ToContract(trace, origin, _clock.TicksPerSecond));
    }

    private WorkloadResult Enrich(Measured m, Measure.Sensors.Sampling.SensorTrace trace, Measure.Sensors.Power.PowerSourceInfo? source, IdleBaseline? baseline, string? noBaseline)
    {
        var w = m.Measurement;
        var timed = new PhaseWindow("timed", w.MeasureStart, Math.Max(w.MeasureEnd, w.MeasureStart + 1));
        var (energy, energyFlags) = WorkloadAnalysis.Energy(trace, source, sensors.Power.UnavailableReason, baseline, noBaseline, timed, w.TimedLatenciesMs.Count);
        var (throttle, throttleFlags) = WorkloadAnalysis.Throttling(trace, timed);
        var flags = energyFlags.Concat(throttleFlags).Concat(WorkloadAnalysis.Modality(w.TimedLatenciesMs)).ToList();
        if (w.NotSteady)
            flags.Add(RunFlags.NotSteady);
        if (m.Cooldown.TimedOut)
            flags.Add(RunFlags.CooldownTimedOut);
        var phaseEnergy = w.PhaseEnergies.Select(request => WorkloadAnalysis.EnergyPerUnit(trace, source, sensors.Power.UnavailableReason, baseline, noBaseline,
            w.Phases.Where(p => p.Name == request.Phase && p.End > p.Start).Select(p => new PhaseWindow(p.Name, p.Start, p.End)).ToList(), request));
        var values = (w.Result.Values ?? []).Select(v => WorkloadPeakMemory.Describe(v, m.OwnPeakMemory))
            .Concat(energy)
            .Concat(phaseEnergy)
            .Concat(throttle)
            .Concat(WorkloadAnalysis.BurstAndSustained(w.TimedLatenciesMs, w.OperationsPerLatency))
            .Append(WorkloadAnalysis.SamplerCpu(m.CostBefore, m.CostAfter))
            .Append(new MetricValue(AgentMetrics.WarmupIterations.Name, w.WarmupCount, Source: w.WarmupSource))
            .ToList();
        return w.Result with { Values = values, Flags = flags.Distinct(StringComparer.Ordinal).ToList() };
    }

    /// <summary>A suite's phone preconditions cannot be set on the machine this agent measures: the report says so.</summary>
    private static IReadOnlyDictionary<string, string>? WithPreconditionsNote(SuiteDefinition suite, IReadOnlyDictionary<string, string>? labels)
    {
        if (SuitePreconditions.NotAppliedNote(suite) is not { } note || labels?.ContainsKey(note.Key) == true)
            return labels;
        return new Dictionary<string, string>(labels ?? new Dictionary<string, string>(), StringComparer.Ordinal) { [note.Key] = note.Value };
    }

    /// <summary>The idle window must start after the first sample, or nothing covers its start and no baseline can be integrated.</summary>
    private void WaitForFirstTick(SensorSampler sampler) => WaitForTicks(sampler, 1);

    private void WaitForTicks(SensorSampler sampler, long ticks)
    {
        for (var waited = 0; sampler.Cost().Ticks < ticks && waited < 5000; waited++)
            _sleep(TimeSpan.FromMilliseconds(1));
    }

    private double Seconds(long timestamp, long origin) => Math.Max(0, _clock.SecondsBetween(origin, timestamp));

    private PhaseMark Mark(PhaseWindow window, long origin, string? workload) =>
        new(window.Name, Seconds(window.Start, origin), Seconds(window.End, origin), workload);
}
