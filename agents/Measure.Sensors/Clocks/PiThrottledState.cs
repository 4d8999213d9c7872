using System.Globalization;
using Measure.Sensors.Commands;

namespace Measure.Sensors.Clocks;

/// <summary>The decoded answer of `vcgencmd get_throttled` ("throttled=0x50005").</summary>
public sealed record PiThrottledState(ThrottledFlags Flags)
{
    private const ThrottledFlags CurrentlyLimiting =
        ThrottledFlags.ArmFrequencyCapped | ThrottledFlags.Throttled | ThrottledFlags.SoftTemperatureLimit;

    private static readonly string[] Arguments = ["get_throttled"];

    public bool UnderVoltageNow => Flags.HasFlag(ThrottledFlags.UnderVoltage);

    /// <summary>Clocks are being held down right now (capped, throttled or at the soft temperature limit).</summary>
    public bool LimitedNow => (Flags & CurrentlyLimiting) != 0;

    /// <summary>Anything at all has happened since boot.</summary>
    public bool AnyOccurredSinceBoot => ((int)Flags >> 16 & 0xF) != 0;

    public static PiThrottledState? Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var line = output.Trim();
        const string prefix = "throttled=0x";
        if (!line.StartsWith(prefix, StringComparison.Ordinal)
            || !int.TryParse(line.AsSpan(prefix.Length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var bits))
            return null;
        return new PiThrottledState((ThrottledFlags)bits);
    }

    public static PiThrottledState? Read(ICommandRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var result = runner.TryRun("vcgencmd", Arguments, TimeSpan.FromSeconds(2));
        return result is { Succeeded: true } ? Parse(result.StandardOutput) : null;
    }
}
