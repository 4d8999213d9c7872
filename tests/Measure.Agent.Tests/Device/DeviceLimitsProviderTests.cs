using Measure.Agent.Device;
using Measure.Agent.Tests.Fakes;
using Measure.Sensors.IO;
using KernelLimits = Measure.Kernels.Roofline.DeviceLimits;

namespace Measure.Agent.Tests.Device;

public sealed class DeviceLimitsProviderTests
{
    private static readonly KernelLimits Probed = new(7.5, 7.3, 3, 4, 8, 12, "avx2", 2, 256L << 20);

    [Fact]
    public void Get_SecondTime_ServedFromCacheWithoutProbing()
    {
        using var temp = new TempStateDirectory();
        var probes = 0;
        var provider = new DeviceLimitsProvider(temp.State, SysRoot.Host, () => { probes++; return Probed; });

        var first = provider.Get();
        var second = provider.Get();

        Assert.Equal(1, probes);
        Assert.Equal(Probed, second!.Limits);
        Assert.Equal(first!.Key, second.Key);
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
