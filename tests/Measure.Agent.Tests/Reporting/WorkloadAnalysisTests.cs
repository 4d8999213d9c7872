using Measure.Agent.Reporting;
using Measure.Sensors.Power;
using Measure.Sensors.Sampling;
using SamplerTrace = Measure.Sensors.Sampling.SensorTrace;

namespace Measure.Agent.Tests.Reporting;

public sealed class WorkloadAnalysisTests
{
    private static readonly PowerSourceInfo Rapl = new("rapl", "package-0", PowerScope.CpuPackage, 0.05, IsCumulativeCounter: false);

    private static SamplerTrace PowerTrace(params (long T, double Watts)[] samples) => new(
    [
        new ChannelSeries(new SensorChannel("power/rapl/package-0", "W", SensorChannelKind.PowerWatts, PowerSource: Rapl),
            samples.Select(s => s.T).ToArray(), samples.Select(s => s.Watts).ToArray()),
    ]);

    [Fact]
    public void Energy_ConstantPowerAboveIdle_NetJoulesWithSourceAndUncertainty()
    {
        var second = MonotonicClock.TicksPerSecond;
        var trace = PowerTrace((0, 2), (second, 2), (2 * second, 10), (4 * second, 10), (5 * second, 10));
        var (baseline, _) = Measure.Sensors.Energy.EnergyAccounting.MeasureIdle(trace, Rapl, new("idle", 0, second));

        var (values, flags) = WorkloadAnalysis.Energy(trace, Rapl, null, baseline, null, new("timed", 2 * second, 4 * second), iterations: 4);

        var energy = Assert.Single(values, v => v.Metric == "energy");
        Assert.Equal(16, energy.Value!.Value, 6); // (10 W - 2 W idle) x 2 s
        Assert.Equal(0.05 * 20 / 16, energy.RelativeUncertainty!.Value, 6);
        Assert.Contains("rapl/package-0", energy.Source, StringComparison.Ordinal);
        Assert.Equal(4, Assert.Single(values, v => v.Metric == "energy_per_iteration").Value!.Value, 6);
        Assert.Empty(flags);
    }

    [Fact]
    public void Energy_NoSource_UnavailableWithReasonNotZero()
    {
        var (values, flags) = WorkloadAnalysis.Energy(new SamplerTrace([]), null, "no power sensor: rapl: none", null, null, new("timed", 10, 20), 3);

        Assert.All(values, v => Assert.Null(v.Value));
        Assert.All(values, v => Assert.Equal("no power sensor: rapl: none", v.Unavailable));
        Assert.Equal([RunFlags.EnergyUnavailable], flags);
    }

    [Fact]
    public void BurstAndSustained_SlowingDown_SustainedBelowBurst()
    {
        var latencies = Enumerable.Range(0, 40).Select(i => i < 20 ? 1.0 : 2.0).ToArray();

        var values = WorkloadAnalysis.BurstAndSustained(latencies, operationsPerIteration: 2e6);

        Assert.Equal(2, Assert.Single(values, v => v.Metric == "throughput_burst").Value!.Value, 6);
        Assert.Equal(1, Assert.Single(values, v => v.Metric == "throughput_sustained").Value!.Value, 6);
    }

    [Fact]
    public void BurstAndSustained_TooFewIterations_Unavailable() =>
        Assert.All(WorkloadAnalysis.BurstAndSustained([1, 2, 3], 1e6), v => Assert.NotNull(v.Unavailable));

    [Fact]
    public void Modality_TwoClusters_Flagged()
    {
        var latencies = Enumerable.Range(0, 60).Select(i => i % 2 == 0 ? 10 + (i % 7) * 0.01 : 20 + (i % 5) * 0.01).ToArray();
        Assert.Equal([RunFlags.Multimodal], WorkloadAnalysis.Modality(latencies));
    }

    [Fact]
    public void TraceConverter_UnreadableSamples_DroppedAndTimesRelativeToOrigin()
    {
        var channel = new SensorChannel("thermal/thermal_zone0:cpu", "°C", SensorChannelKind.TemperatureCelsius);
        var second = MonotonicClock.TicksPerSecond;
        var trace = new SamplerTrace([new ChannelSeries(channel, [10 * second, 11 * second, 12 * second], [40, double.NaN, 41])]);

        var converted = Assert.Single(TraceConverter.ToContract(trace, 9 * second, second));

        Assert.Equal([1.0, 3.0], converted.TimesSeconds);
        Assert.Equal([40.0, 41.0], converted.Values);
        Assert.Equal("temperature", converted.Kind);
    }
}
