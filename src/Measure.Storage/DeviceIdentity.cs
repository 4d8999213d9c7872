using System.Security.Cryptography;
using System.Text;
using Measure.Contracts;

namespace Measure.Storage;

/// <summary>
/// Which stored device a fingerprint belongs to: the parts that do not change between runs of the same
/// board (not the OS, agent or .NET version, which change on upgrade).
/// </summary>
public static class DeviceIdentity
{
    public static string Hash(DeviceFingerprint device)
    {
        var text = string.Join('\n', device.Architecture, device.CpuModel, device.BoardModel ?? "", device.LogicalCores,
            device.MemoryBytes / (64L << 20), device.Hostname ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static string DisplayName(DeviceFingerprint device) =>
        device.Hostname ?? device.BoardModel ?? device.CpuModel;
}
