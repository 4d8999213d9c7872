using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Measure.Agent.State;
using KernelLimits = Measure.Kernels.Roofline.DeviceLimits;

namespace Measure.Agent.Device;

/// <summary>What the cache file holds: the probed limits and the machine and agent they belong to.</summary>
/// <param name="LoadAverage">The one-minute load average just before the probe (null where unknown).</param>
public sealed record CachedDeviceLimits(string Key, string CpuModel, int LogicalCores, string AgentVersion, DateTimeOffset ProbedAt, KernelLimits Limits, double? LoadAverage = null)
{
    /// <summary>
    /// More runnable tasks than 1.5 per core when the probe started: other work shared the memory bus and the
    /// cores, so the limits read low (and every fraction of them high). Such limits are used once, never cached.
    /// </summary>
    public bool ProbedWhileBusy => LoadAverage > 1.5 * LogicalCores;
}

/// <summary>
/// The roofline probe takes seconds, so its result is kept in the state folder, keyed by CPU model,
/// core count and agent version: a new CPU, a changed core count or a new agent (new kernels) probes again.
/// </summary>
public sealed class DeviceLimitsCache(AgentStateDirectory state)
{
    public static string Key(string cpuModel, int logicalCores, string agentVersion) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{cpuModel}\n{logicalCores}\n{agentVersion}")))[..16];

    /// <summary>The cached limits for this key, or null when absent, stale or unreadable (then the caller probes).</summary>
    public CachedDeviceLimits? TryLoad(string key)
    {
        try
        {
            var cached = JsonSerializer.Deserialize(File.ReadAllText(state.DeviceLimitsPath), AgentJsonContext.Default.CachedDeviceLimits);
            return cached?.Key == key ? cached : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public void Save(CachedDeviceLimits limits) =>
        DurableFile.WriteAllText(state.DeviceLimitsPath, JsonSerializer.Serialize(limits, AgentJsonContext.Indented.CachedDeviceLimits));
}
