using Measure.Sensors.Energy;
using Measure.Sensors.Power;
using Measure.Sensors.Sampling;
using static Measure.Sensors.Tests.SyntheticTrace;

namespace Measure.Sensors.Tests.Energy;

public sealed class EnergyAccountingTests
{
    private static readonly PhaseWindow Idle = new("idle", At(0), At(2));
    private static readonly PhaseWindow Prefill = new("prefill", At(3), At(4));
    private static readonly PhaseWindow Decode = new("decode", At(4), At(6));

    // 2 W idle, 10 W prefill, 6 W decode, sampled at 10 Hz with steps between samples at whole seconds.
    private static double Watts(double t) => t < 2.95 ? 2 : t < 4 ? 10 : t < 6.05 ? 6 : 2;

    [Fact]
    public void ForPhase_PowerSource_SubtractsIdleBaselineTimesDuration()
    {
        var trace = new SensorTrace([PowerSeries(Times(0, 7, 0.05), Watts)]);
        var (baseline, reason) = EnergyAccounting.MeasureIdle(trace, Meter, Idle);
        Assert.Null(reason);
        Assert.Equal(2.0, baseline!.Watts, 9);

        var decode = EnergyAccounting.ForPhase(trace, Meter, Decode, baseline);

        // Gross 6 W x 2 s = 12 J; idle 2 W x 2 s = 4 J; net 8 J; ±5 % of gross.
        Assert.Equal(12.0, decode.GrossJoules!.Value, 9);
        Assert.Equal(4.0, decode.BaselineJoules!.Value, 9);
        Assert.Equal(8.0, decode.NetJoules!.Value, 9);
        Assert.Equal(0.6, decode.UncertaintyJoules!.Value, 9);
        Assert.Equal(0.08, decode.JoulesPer(100)!.Value, 9);
        Assert.Same(Meter, decode.Source);
        Assert.Null(decode.UnreliableReason);
    }

    [Fact]
    public void ForPhase_CounterSource_DifferencesTheCounter()
    {
        // 5 W idle until 3 s, then 15 W: the counter integrates it exactly.
        var trace = new SensorTrace([EnergySeries(Times(0, 7, 0.1), t => t < 3 ? 5 * t : 15 + 15 * (t - 3))]);
        var (baseline, _) = EnergyAccounting.MeasureIdle(trace, Counter, Idle);

        var prefill = EnergyAccounting.ForPhase(trace, Counter, Prefill, baseline);

        Assert.Equal(15.0, prefill.GrossJoules!.Value, 9);
        Assert.Equal(10.0, prefill.NetJoules!.Value, 9);
    }

    [Fact]
    public void ForPhase_SourceNotInTrace_IsUnavailableNotZero()
    {
        var trace = new SensorTrace([PowerSeries(Times(0, 7, 0.1), Watts)]);
        var baseline = new IdleBaseline(1, 2, Counter);

        var result = EnergyAccounting.ForPhase(trace, Counter, Prefill, baseline);

        Assert.False(result.IsAvailable);
        Assert.Null(result.NetJoules);
        Assert.Null(result.JoulesPer(10));
        Assert.Contains("no samples", result.UnavailableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void ForPhase_NoBaseline_IsUnavailable()
    {
        var trace = new SensorTrace([PowerSeries(Times(0, 7, 0.1), Watts)]);

        Assert.False(EnergyAccounting.ForPhase(trace, Meter, Prefill, null).IsAvailable);
    }

    [Fact]
    public void ForPhase_SourceUnreliableDuringPhase_IsFlaggedWithReason()
    {
        var times = Times(0, 7, 0.1);
        var trace = new SensorTrace([PowerSeries(times, Watts), ValiditySeries(times, t => t is > 4.5 and < 5 ? 0 : 1)]);
        var (baseline, _) = EnergyAccounting.MeasureIdle(trace, Meter, Idle);

        Assert.Null(EnergyAccounting.ForPhase(trace, Meter, Prefill, baseline).UnreliableReason);
        Assert.NotNull(EnergyAccounting.ForPhase(trace, Meter, Decode, baseline).UnreliableReason);
    }

    [Fact]
    public void MeasureIdle_WindowOutsideTrace_ExplainsWhy()
    {
        var trace = new SensorTrace([PowerSeries(Times(1, 7, 0.1), Watts)]);

        var (baseline, reason) = EnergyAccounting.MeasureIdle(trace, Meter, Idle);

        Assert.Null(baseline);
        Assert.Contains("do not cover 'idle'", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Measured_BaselineFromAnotherSource_ThrowsNamingBoth()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            PhaseEnergy.Measured("decode", Meter, 1, 5, new IdleBaseline(1, 1, Counter)));
        Assert.Contains("rapl/package-0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PhaseWindow_EndBeforeStart_ThrowsNamingPhase()
    {
        var error = Assert.Throws<ArgumentException>(() => new PhaseWindow("decode", 10, 10));
        Assert.Contains("decode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JoulesPer_ZeroUnits_Throws()
    {
        var energy = PhaseEnergy.Measured("decode", Meter, 1, 5, new IdleBaseline(1, 1, Meter));

        Assert.Throws<ArgumentOutOfRangeException>(() => energy.JoulesPer(0));
    }

    [Fact]
    public void ForPhase_RecordedRaplTreeSampledLive_MeasuresZeroJoulesFromAStillCounter()
    {
        var probes = SensorProbes.Discover(RecordedDevice.Root(RecordedDevice.X86Rapl), new CannedCommandRunner(new Dictionary<string, Sensors.Commands.CommandResult>()));
        var package = probes.Power.Primary!.Info;
        using var sampler = new SensorSampler(probes.Probes, new SamplerOptions(rateHz: 100));
        sampler.Start();
        while (sampler.Snapshot().Find("power/rapl/package-0")!.Count < 6)
            Thread.Sleep(5);
        sampler.Stop();
        var trace = sampler.Snapshot();
        var times = trace.Find("power/rapl/package-0")!.Timestamps;
        var (baseline, _) = EnergyAccounting.MeasureIdle(trace, package, new PhaseWindow("idle", times[0], times[2]));

        var phase = EnergyAccounting.ForPhase(trace, package, new PhaseWindow("run", times[3], times[^1]), baseline);

        // The recorded counter does not move, so the energy is a measured 0 J, not "unavailable".
        Assert.Equal(0.0, phase.NetJoules);
        Assert.Equal(PowerScope.CpuPackage, phase.Source!.Scope);
    }
}
