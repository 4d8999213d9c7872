namespace Measure.Sensors.Platform;

/// <summary>
/// Names of ARM cores from the MIDR "CPU implementer" and "CPU part" fields that arm64 kernels
/// print in /proc/cpuinfo instead of a "model name" line.
/// </summary>
public static class ArmCpuParts
{
    private static readonly Dictionary<(int Implementer, int Part), string> Names = new()
    {
        [(0x41, 0xd03)] = "Cortex-A53",
        [(0x41, 0xd04)] = "Cortex-A35",
        [(0x41, 0xd05)] = "Cortex-A55",
        [(0x41, 0xd07)] = "Cortex-A57",
        [(0x41, 0xd08)] = "Cortex-A72",
        [(0x41, 0xd09)] = "Cortex-A73",
        [(0x41, 0xd0a)] = "Cortex-A75",
        [(0x41, 0xd0b)] = "Cortex-A76",
        [(0x41, 0xd0c)] = "Neoverse-N1",
        [(0x41, 0xd0d)] = "Cortex-A77",
        [(0x41, 0xd40)] = "Neoverse-V1",
        [(0x41, 0xd41)] = "Cortex-A78",
        [(0x41, 0xd42)] = "Cortex-A78AE",
        [(0x41, 0xd44)] = "Cortex-X1",
        [(0x41, 0xd46)] = "Cortex-A510",
        [(0x41, 0xd47)] = "Cortex-A710",
        [(0x41, 0xd48)] = "Cortex-X2",
        [(0x41, 0xd49)] = "Neoverse-N2",
        [(0x41, 0xd4b)] = "Cortex-A78C",
        [(0x41, 0xd4d)] = "Cortex-A715",
        [(0x41, 0xd4e)] = "Cortex-X3",
        [(0x41, 0xd4f)] = "Neoverse-V2",
        [(0x41, 0xd80)] = "Cortex-A520",
        [(0x41, 0xd81)] = "Cortex-A720",
        [(0x41, 0xd82)] = "Cortex-X4",
        [(0x4e, 0x004)] = "NVIDIA Carmel",
    };

    /// <summary>The core's marketing name, or a neutral "ARM implementer 0x.. part 0x..." when unknown.</summary>
    public static string Describe(int implementer, int part) =>
        Names.TryGetValue((implementer, part), out var name)
            ? name
            : $"ARM implementer 0x{implementer:x2} part 0x{part:x3}";
}
