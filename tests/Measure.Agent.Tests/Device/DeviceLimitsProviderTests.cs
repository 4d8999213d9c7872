using Measure.Agent.Device;
using Measure.Agent.Tests.Fakes;
using Measure.Sensors.IO;
using KernelLimits = Measure.Kernels.Roofline.DeviceLimits;

namespace Measure.Agent.Tests.Device;

public sealed class DeviceLimitsProviderTests
{
    private static readonly KernelLimits Probed = new(7.5, 7.3, 3, 4, 8, 12, "avx2", 2, 256L << 20);

    /// <summary>A machine whose /proc/loadavg says <paramref name="load"/> (and whose CPU model is unknown).</summary>
    private static SysRoot MachineWithLoad(TempStateDirectory temp, string load)
    {
        var root = Path.Join(temp.State.Path, "machine");
        Directory.CreateDirectory(Path.Join(root, "proc"));
        File.WriteAllText(Path.Join(root, "proc", "loadavg"), $"{load} 0.40 0.30 1/123 4567\n");
        return new SysRoot(root);
    }

    [Fact]
    public void Get_SecondTime_ServedFromCacheWithoutProbing()
    {
        using var temp = new TempStateDirectory();
        var probes = 0;
        var provider = new DeviceLimitsProvider(temp.State, MachineWithLoad(temp, "0.20"), () => { probes++; return Probed; });

        var first = provider.Get();
        var second = provider.Get();

        Assert.Equal(1, probes);
        Assert.Equal(Probed, second!.Limits);
        Assert.Equal(first!.Key, second.Key);
    }

    [Fact]
    public void Get_ProbedOnABusyMachine_UsedButNotCached()
    {
        using var temp = new TempStateDirectory();
        var probes = 0;
        var busy = MachineWithLoad(temp, (Environment.ProcessorCount * 4).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var provider = new DeviceLimitsProvider(temp.State, busy, () => { probes++; return Probed; });

        var first = provider.Get();
        var second = provider.Get();

        Assert.True(first!.ProbedWhileBusy);
        Assert.Equal(Probed, first.Limits);
        Assert.Equal(2, probes);
        Assert.False(File.Exists(temp.State.DeviceLimitsPath));
    }

    [Fact]
    public void Get_NothingCachedAndProbingNotAllowed_Null()
    {
        using var temp = new TempStateDirectory();
        Assert.Null(new DeviceLimitsProvider(temp.State, SysRoot.Host, () => throw new InvalidOperationException("no probe")).Get(allowProbe: false));
    }

    [Fact]
    public void Key_DifferentCoreCountOrAgentVersion_Differs()
    {
        var key = DeviceLimitsCache.Key("Cortex-A76", 4, "1.0.0");
        Assert.NotEqual(key, DeviceLimitsCache.Key("Cortex-A76", 2, "1.0.0"));
        Assert.NotEqual(key, DeviceLimitsCache.Key("Cortex-A76", 4, "1.0.1"));
    }

    [Fact]
    public void ToContract_ProbedLimits_MappedForTheRoofline()
    {
        var limits = DeviceLimitsMapping.ToContract(Probed);
        Assert.Equal(7.5, limits.ReadBandwidthGBps1Thread);
        Assert.Equal(7.3, limits.ReadBandwidthGBpsAllThreads);
        Assert.Equal(12, limits.Fp32GflopsAllThreads);
        Assert.Equal("avx2", limits.Isa);
    }
}
