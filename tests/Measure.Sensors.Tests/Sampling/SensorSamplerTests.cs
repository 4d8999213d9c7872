using Measure.Sensors.Sampling;

namespace Measure.Sensors.Tests.Sampling;

public sealed class SensorSamplerTests
{
    [Fact]
    public void Run_FastAndCommandProbes_RecordsMonotonicTimestampsAndSamplesCommandsLessOften()
    {
        var fast = new CountingProbe("fast", runsCommand: false);
        var slow = new CountingProbe("slow", runsCommand: true);
        using var sampler = new SensorSampler([fast, slow], new SamplerOptions(rateHz: 100, commandRateHz: 1));

        sampler.Start();
        WaitUntil(() => fast.Reads >= 10);
        sampler.Stop();

        var trace = sampler.Snapshot();
        var fastSeries = trace.Find("fast")!;
        Assert.Equal(fast.Reads, fastSeries.Count);
        Assert.Equal(Enumerable.Range(1, fast.Reads).Select(i => (double)i), fastSeries.Values);
        Assert.True(fastSeries.Timestamps.Zip(fastSeries.Timestamps.Skip(1)).All(p => p.First <= p.Second));
        Assert.InRange(trace.Find("slow")!.Count, 1, fast.Reads - 1);
    }

    [Fact]
    public void Cost_AfterRun_ReportsTicksAndThreadCpu()
    {
        using var sampler = new SensorSampler([new CountingProbe("fast", runsCommand: false)], new SamplerOptions(rateHz: 100));

        sampler.Start();
        WaitUntil(() => sampler.Cost().Ticks >= 5);
        sampler.Stop();
        var cost = sampler.Cost();

        Assert.True(cost.Ticks >= 5);
        Assert.True(cost.WallTime > TimeSpan.Zero);
        Assert.NotNull(cost.ThreadCpuTime);
        Assert.InRange(cost.ThreadFractionOfOneCore!.Value, 0, 1.5);
        Assert.Contains("of one core", cost.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_Twice_ThrowsInvalidOperation()
    {
        using var sampler = new SensorSampler([]);
        sampler.Start();

        Assert.Throws<InvalidOperationException>(sampler.Start);
        sampler.Stop();
    }

    [Fact]
    public void Stop_ProbeThrew_SurfacesTheFailure()
    {
        using var sampler = new SensorSampler([new ThrowingProbe()], new SamplerOptions(rateHz: 100));
        sampler.Start();
        WaitUntil(() => !sampler.IsRunning);

        var error = Assert.Throws<InvalidOperationException>(sampler.Stop);
        Assert.IsType<IOException>(error.InnerException);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void Options_RateOutsideRange_ThrowsNamingRate(double rate)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SamplerOptions(rateHz: rate));
        Assert.Equal("rateHz", error.ParamName);
    }

    [Fact]
    public void Discover_JetsonTree_SamplesModuleInputRailsThermalsAndClocks()
    {
        var probes = SensorProbes.Discover(RecordedDevice.Root(RecordedDevice.JetsonOrinNano), new CannedCommandRunner(new Dictionary<string, Sensors.Commands.CommandResult>()));
        using var sampler = new SensorSampler(probes.Probes, new SamplerOptions(rateHz: 100));

        sampler.Start();
        WaitUntil(() => sampler.Cost().Ticks >= 3);
        sampler.Stop();
        var trace = sampler.Snapshot();

        Assert.All(trace.Find("power/jetson-ina3221/VDD_IN")!.Values, v => Assert.Equal(5.072 * 1.496, v, 9));
        Assert.All(trace.Find("power/jetson-ina3221/VDD_IN/valid")!.Values, v => Assert.Equal(1.0, v));
        Assert.All(trace.Find("power/jetson-ina3221/rail/VDD_SOC")!.Values, v => Assert.Equal(5.064 * 0.560, v, 9));
        Assert.Equal(99.0, trace.Find("thermal/thermal_zone0:cpu-thermal")!.Channel.Limit);
        Assert.Equal(1_510_400, trace.Find("clock/cpu5")!.Channel.Limit);
        Assert.All(trace.Find("clock/gpu/17000000.ga10b")!.Values, v => Assert.Equal(624_750_000, v));
    }

    [Fact]
    public void Discover_RaspberryPi5Tree_AddsVcgencmdProbeThroughFakeTool()
    {
        var probes = SensorProbes.Discover(RecordedDevice.Root(RecordedDevice.RaspberryPi5), FakeCommands.OnPath(RecordedDevice.RaspberryPi5));

        var names = probes.Channels.Select(c => c.Name).ToArray();
        Assert.Contains("power/rpi5-pmic/PMIC rails", names);
        Assert.Contains("thermal/vcgencmd", names);
        Assert.Contains("throttle/get_throttled", names);
    }

    [Fact]
    public void Discover_BareVm_HasNoPowerThermalOrClockChannels()
    {
        var probes = SensorProbes.Discover(RecordedDevice.Root(RecordedDevice.BareVm), new CannedCommandRunner(new Dictionary<string, Sensors.Commands.CommandResult>()));

        Assert.Equal(["memory/available", "memory/process-rss"], probes.Channels.Select(c => c.Name));
        Assert.Null(probes.Power.Primary);
    }

    private static void WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The sampler did not make progress within 30 s.");
            Thread.Sleep(5);
        }
    }

    private sealed class CountingProbe(string name, bool runsCommand) : ISensorProbe
    {
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public IReadOnlyList<SensorChannel> Channels { get; } = [new(name, "", SensorChannelKind.Bytes)];

        public bool RunsExternalCommand => runsCommand;

        public void Read(Span<double> values) => values[0] = Interlocked.Increment(ref _reads);
    }

    private sealed class ThrowingProbe : ISensorProbe
    {
        public IReadOnlyList<SensorChannel> Channels { get; } = [new("broken", "", SensorChannelKind.Bytes)];

        public bool RunsExternalCommand => false;

        public void Read(Span<double> values) => throw new IOException("sensor driver crashed");
    }
}
