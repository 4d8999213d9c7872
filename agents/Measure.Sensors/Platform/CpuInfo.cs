using System.Globalization;

namespace Measure.Sensors.Platform;

/// <summary>What /proc/cpuinfo says about the processor, parsed without touching the filesystem.</summary>
public sealed record CpuInfo(string? ModelName, string? SocName, int ProcessorCount)
{
    /// <summary>
    /// Parses /proc/cpuinfo text. The model comes from x86's "model name", else from the distinct
    /// ARM "CPU part" values (big.LITTLE phones list several, fastest last in the kernel's order,
    /// which we keep), else from the legacy "Hardware" line that also names the SoC.
    /// </summary>
    public static CpuInfo Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? modelName = null;
        string? hardware = null;
        var processors = 0;
        var armCores = new List<string>();
        int? implementer = null;

        foreach (var rawLine in text.Split('\n'))
        {
            var colon = rawLine.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
                continue;
            var key = rawLine[..colon].Trim();
            var value = rawLine[(colon + 1)..].Trim();
            switch (key)
            {
                case "processor" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _):
                    processors++;
                    break;
                case "model name" when modelName is null && value.Length > 0:
                    modelName = value;
                    break;
                case "Hardware" when value.Length > 0:
                    hardware = value;
                    break;
                case "CPU implementer":
                    implementer = ParseHex(value);
                    break;
                case "CPU part" when implementer is { } impl && ParseHex(value) is { } part:
                    var core = ArmCpuParts.Describe(impl, part);
                    if (!armCores.Contains(core))
                        armCores.Add(core);
                    break;
            }
        }

        var armModel = armCores.Count > 0 ? string.Join(" + ", armCores) : null;
        return new CpuInfo(modelName ?? armModel ?? hardware, hardware, processors);
    }

    private static int? ParseHex(string value) =>
        value.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
        && int.TryParse(value.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
}
