using System.Security.Cryptography;
using System.Text;

namespace Measure.Contracts;

/// <summary>
/// Decides what may be compared with what: results with equal keys ran the same workload, parameters,
/// precision, ISA and thread count, on the same device model, under the same suite version.
/// </summary>
public static class ComparabilityKey
{
    public static string Compute(WorkloadResult workload, DeviceFingerprint device, SuiteRef suite)
    {
        var text = new StringBuilder()
            .Append("workload=").Append(workload.Workload).Append('\n')
            .Append("precision=").Append(workload.Precision).Append('\n')
            .Append("isa=").Append(workload.Isa).Append('\n')
            .Append("threads=").Append(workload.Threads).Append('\n');
        foreach (var (key, value) in workload.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            text.Append("param.").Append(key).Append('=').Append(value).Append('\n');
        text.Append("device=").Append(DeviceModel(device)).Append('\n')
            .Append("suite=").Append(suite.Id).Append('@').Append(suite.Version);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    /// <summary>The device model as comparisons see it: board (when known), CPU and core count.</summary>
    public static string DeviceModel(DeviceFingerprint device) =>
        $"{device.BoardModel ?? device.Architecture} | {device.CpuModel} | {device.LogicalCores} cores";
}
