using System.Globalization;
using Measure.Sensors.Commands;

namespace Measure.Sensors.Thermal;

/// <summary>The Raspberry Pi SoC temperature from `vcgencmd measure_temp` ("temp=61.6'C").</summary>
public static class VcgencmdTemperature
{
    private static readonly string[] Arguments = ["measure_temp"];

    public static double? Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var line = output.Trim();
        if (!line.StartsWith("temp=", StringComparison.Ordinal) || !line.EndsWith("'C", StringComparison.Ordinal))
            return null;
        return double.TryParse(line.AsSpan(5, line.Length - 7), NumberStyles.Float, CultureInfo.InvariantCulture, out var celsius)
            ? celsius
            : null;
    }

    public static double? Read(ICommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var result = runner.TryRun("vcgencmd", Arguments, TimeSpan.FromSeconds(2));
        return result is { Succeeded: true } ? Parse(result.StandardOutput) : null;
    }
}
