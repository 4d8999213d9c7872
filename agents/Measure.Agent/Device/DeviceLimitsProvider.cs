using Measure.Agent.State;
using Measure.Kernels.Roofline;
using Measure.Sensors.IO;
using Measure.Sensors.Platform;

namespace Measure.Agent.Device;

/// <summary>Cached limits for this machine, probing (quick roofline) only when the cache has none; limits probed on a busy machine are not cached.</summary>
public sealed class DeviceLimitsProvider(AgentStateDirectory state, SysRoot root, Func<Measure.Kernels.Roofline.DeviceLimits>? probe = null)
{
    private readonly Func<Measure.Kernels.Roofline.DeviceLimits> _probe = probe ?? (() => RooflineProbe.Measure(quick: true));

    /// <param name="refresh">Probe even when the cache has limits for this machine.</param>
    /// <param name="allowProbe">False: return only what is cached (null when nothing is).</param>
    public CachedDeviceLimits? Get(bool refresh = false, bool allowProbe = true)
    {
        var platform = PlatformInfo.Read(root);
        var key = DeviceLimitsCache.Key(CpuModel(platform), Cores(platform), AgentVersion.Current);
        var cache = new DeviceLimitsCache(state);
        if (!refresh && cache.TryLoad(key) is { } cached)
            return cached;
        if (!allowProbe)
            return null;
        var load = LoadAverage.OneMinute(root);
        var probed = new CachedDeviceLimits(key, CpuModel(platform), Cores(platform), AgentVersion.Current, DateTimeOffset.UtcNow, _probe(), load);
        if (!probed.ProbedWhileBusy)
            cache.Save(probed);
        return probed;
    }

    private static string CpuModel(PlatformInfo platform) => platform.CpuModel ?? platform.SocName ?? "unknown";

    private static int Cores(PlatformInfo platform) => platform.LogicalCores ?? Environment.ProcessorCount;
}
