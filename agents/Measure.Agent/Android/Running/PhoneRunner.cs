using Measure.Agent.Android.Adb;
using Measure.Agent.Android.Battery;
using Measure.Agent.Android.Phone;
using Measure.Agent.Android.Preconditions;
using Measure.Agent.Android.Sensing;
using Measure.Agent.Reporting;
using Measure.Agent.Suites;
using Measure.Contracts;
using Measure.Sensors.Energy;
using Measure.Sensors.Sampling;
using SensorTrace = Measure.Sensors.Sampling.SensorTrace;

namespace Measure.Agent.Android.Running;

/// <summary>
/// Runs one suite on one phone from the host: checks the preconditions (nothing starts when one fails), unplugs
/// the battery service, samples the phone's sensors over adb while an idle baseline and then the workloads run,
/// restores charging, and returns an ordinary run report with the phone's fingerprint. A phone that disappears
/// fails the run with <see cref="PhoneDisconnectedException"/>: no partial report exists.
/// </summary>
public sealed class PhoneRunner(AdbClient adb, PhoneIdentity phone, ChargingControl charging, PhoneRunOptions options, TimeProvider time, Action<string> log)
{
    public const string ChargingNotStoppedFlag = "charging-not-stopped";

    /// <param name="suiteYaml">The suite's text, pushed to the phone for bundled workloads.</param>
    public RunReport Run(SuiteDefinition suite, string suiteYaml, IReadOnlyDictionary<string, string>? labels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var serial = phone.Serial;
        var engineSpecs = suite.Workloads.Where(w => w.Kind == LlamaBenchEngine.Kind).ToList();
        if (engineSpecs.Count > 0 && engineSpecs.Count < suite.Workloads.Count)
            throw new ArgumentException($"{suite.SourcePath}: a phone suite runs either llama-bench workloads or the bundled workloads, not both", nameof(suite));
        // Host defaults < the suite's preconditions block < the job's precondition.* labels (one job's override).
        var required = options.Preconditions.WithSuite(suite.Preconditions).WithLabels(labels);
        var failures = PreconditionCheck.Failures(adb, serial, required);
        if (failures.Count > 0)
            throw new PreconditionsNotMetException(serial, failures);

        var engine = new LlamaBenchEngine(adb, serial, options);
        var invocations = engineSpecs.SelectMany(s => engine.Plan(suite, s, phone.Device.LogicalCores)).ToList();
        var bundled = engineSpecs.Count == 0 ? new BundledAgentRun(adb, serial, options) : null;
        if (bundled is not null)
            bundled.Install(suiteYaml);
        else
            engine.Install(engineSpecs);

        using var mirror = new PhoneMirror(adb, serial);
        var sensors = PhoneSensors.Discover(adb, mirror);
        var unplugged = options.StopCharging && charging.Suspend(serial);
        try
        {
            return Measure(suite, labels, required, sensors, engine, invocations, bundled, unplugged, cancellationToken);
        }
        finally
        {
            if (unplugged)
                RestoreCharging(serial);
        }
    }

    private RunReport Measure(SuiteDefinition suite, IReadOnlyDictionary<string, string>? labels, RunPreconditions required, PhoneSensors sensors, LlamaBenchEngine engine,
        IReadOnlyList<LlamaBenchEngine.Invocation> invocations, BundledAgentRun? bundled, bool unplugged, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        using var sampler = new SensorSampler(sensors.Probes, new SamplerOptions(suite.Rules.SampleRateHz, Math.Min(1, suite.Rules.SampleRateHz)));
        sampler.Start();
        var origin = MonotonicClock.Now;
        // The idle baseline starts after the first ticks, so a gauge sample exists before it (energy is integrable).
        WaitTicks(sampler, 2, cancellationToken);
        var idleStart = MonotonicClock.Now;
        cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(suite.Rules.IdleSeconds));
        cancellationToken.ThrowIfCancellationRequested();
        var idle = new PhaseWindow("idle", idleStart, MonotonicClock.Now);
        ThrowIfGone(sensors);

        var windows = new List<(PhaseWindow Window, RunReport Part)>();
        RunReport? bundledReport = null;
        if (bundled is not null)
        {
            var start = MonotonicClock.Now;
            bundledReport = bundled.Run(cancellationToken);
            windows.Add((new PhaseWindow("bundled", start, MonotonicClock.Now), bundledReport));
        }
        foreach (var invocation in invocations)
        {
            var start = MonotonicClock.Now;
            var part = engine.Run(invocation, time.GetUtcNow(), cancellationToken);
            windows.Add((new PhaseWindow(invocation.Name, start, MonotonicClock.Now), part));
            ThrowIfGone(sensors);
        }
        // Two more ticks so the trace covers the last window's end and its energy can be integrated.
        WaitTicks(sampler, 2, cancellationToken);
        sampler.Stop();
        ThrowIfGone(sensors);
        var trace = sampler.Snapshot();
        var finished = time.GetUtcNow();

        var traces = PhoneSensors.ToContract(trace, origin);
        var phases = new List<PhaseMark> { new("idle", Seconds(idle.Start, origin), Seconds(idle.End, origin)) };
        var flags = new List<string>();
        if (unplugged is false && options.StopCharging)
            flags.Add(ChargingNotStoppedFlag);
        var (baseline, noBaseline) = sensors.Gauge is { } gauge ? EnergyAccounting.MeasureIdle(trace, gauge, idle) : (null, null);
        var workloads = new List<WorkloadResult>();
        var metrics = new List<MetricDeclaration>();
        foreach (var (window, part) in windows)
        {
            phases.Add(new PhaseMark(window.Name, Seconds(window.Start, origin), Seconds(window.End, origin)));
            metrics.AddRange(part.Metrics);
            foreach (var workload in part.Workloads)
            {
                var (energy, energyFlags) = Energy(trace, sensors, window, baseline, noBaseline);
                // A bundled report measured its own energy on the phone; the host's figure covers the whole suite.
                workloads.Add(bundled is not null ? workload : workload with
                {
                    Values = [.. workload.Values ?? [], energy],
                    Flags = [.. workload.Flags ?? [], .. energyFlags],
                });
            }
        }
        if (bundled is null)
            metrics.Add(AgentMetrics.Energy);
        var labelSet = new Dictionary<string, string>(bundledReport?.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (key, value) in labels ?? new Dictionary<string, string>())
            labelSet[key] = value;
        labelSet["phone_serial"] = phone.Serial;
        // The host checked these before the run; this replaces the "not applied" note of the agent that ran on the phone.
        if (required.RequiresAny)
            labelSet[SuitePreconditions.LabelKey] = $"met on the phone before the run ({required.Describe()})";
        else
            labelSet.Remove(SuitePreconditions.LabelKey);
        labelSet["runner"] = bundled is null ? "adb llama-bench" : "adb bundled-agent";
        var device = bundledReport is null ? phone.Device : phone.Device with { IsaFeatures = bundledReport.Device.IsaFeatures, DotnetVersion = bundledReport.Device.DotnetVersion };
        var report = new RunReport(
            ProtocolVersion.RunReportSchema,
            bundledReport?.RunId ?? Guid.NewGuid(),
            bundledReport?.StartedAt ?? started,
            bundledReport?.FinishedAt ?? finished,
            device,
            new SuiteRef(suite.Id, suite.Version, suite.ContentHash),
            metrics.DistinctBy(m => m.Name).ToList(),
            workloads,
            labelSet,
            [.. bundledReport?.Flags ?? [], .. flags],
            bundledReport?.Phases ?? phases,
            [.. bundledReport?.SensorTraces ?? [], .. traces.Select(t => bundledReport is null ? t : t with { Sensor = "host/" + t.Sensor })]);
        var errors = RunReportValidator.Validate(report, time.GetUtcNow());
        if (errors.Count > 0)
            throw new InvalidOperationException($"phone {phone.Serial}: the run report breaks the rules: {string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"))}");
        log($"phone {phone.Serial}: {suite.Id} measured ({workloads.Count} workloads, {traces.Count} sensor traces)");
        return report;
    }

    private static (MetricValue Value, IReadOnlyList<string> Flags) Energy(SensorTrace trace, PhoneSensors sensors, PhaseWindow window, IdleBaseline? baseline, string? noBaseline)
    {
        if (sensors.Gauge is not { } gauge)
            return (new MetricValue(AgentMetrics.Energy.Name, null, sensors.GaugeUnavailableReason ?? "no fuel gauge"), [RunFlags.EnergyUnavailable]);
        if (baseline is null)
            return (new MetricValue(AgentMetrics.Energy.Name, null, noBaseline ?? "no idle baseline"), [RunFlags.EnergyUnavailable]);
        var energy = EnergyAccounting.ForPhase(trace, gauge, window, baseline);
        var source = $"adb {gauge.Kind}/{gauge.Name} minus idle baseline";
        if (!energy.IsAvailable)
            return (new MetricValue(AgentMetrics.Energy.Name, null, energy.UnavailableReason, source), [RunFlags.EnergyUnavailable]);
        return (new MetricValue(AgentMetrics.Energy.Name, energy.NetJoules, null, source, gauge.RelativeUncertainty),
            energy.UnreliableReason is null ? [] : [RunFlags.EnergyUnreliable]);
    }

    private void RestoreCharging(string serial)
    {
        try
        {
            charging.Restore(serial);
        }
        catch (AdbException ex)
        {
            // The marker stays: the host resets this phone when it is seen again or at the next start.
            log($"phone {serial}: battery service not reset yet ({ex.Message})");
        }
    }

    private static void ThrowIfGone(PhoneSensors sensors)
    {
        if (sensors.Refresh.Disconnected is { } gone)
            throw gone;
    }

    private static void WaitTicks(SensorSampler sampler, int ticks, CancellationToken cancellationToken)
    {
        var target = sampler.Cost().Ticks + ticks;
        while (sampler.IsRunning && sampler.Cost().Ticks < target)
        {
            if (cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(10)))
                cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static double Seconds(long timestamp, long origin) => MonotonicClock.SecondsBetween(origin, timestamp);
}
