using Measure.Sensors.IO;

namespace Measure.Sensors.Power;

/// <summary>
/// The INA3221 power monitors of Jetson Orin modules, read through hwmon: each channel N has
/// inN_label (rail name), inN_input (bus millivolts) and currN_input (milliamperes). The VDD_IN
/// rail is the module's total input; without it the rails are summed and marked partial.
/// </summary>
public sealed class JetsonIna3221Source : IPowerSource
{
    /// <summary>
    /// The INA3221's own gain/offset error is well under 1 %, but the shunt resistor tolerance and
    /// the sensor's averaging window dominate; we state ±5 % for a reading.
    /// </summary>
    public const double RelativeUncertainty = 0.05;

    public const string TotalInputRail = "VDD_IN";

    private readonly SysRoot _root;
    private readonly IReadOnlyList<Channel> _channels;

    private JetsonIna3221Source(SysRoot root, IReadOnlyList<Channel> channels)
    {
        _root = root;
        _channels = channels;
        var hasTotal = channels.Any(c => c.Label == TotalInputRail);
        Info = new PowerSourceInfo(
            PowerSourceKinds.JetsonIna3221,
            hasTotal ? TotalInputRail : "sum of " + string.Join("+", channels.Select(c => c.Label)),
            hasTotal ? PowerScope.ModuleInput : PowerScope.PartialRails,
            RelativeUncertainty,
            IsCumulativeCounter: false);
    }

    public PowerSourceInfo Info { get; }

    /// <summary>The rail labels this source reads, in hwmon order.</summary>
    public IReadOnlyList<string> RailLabels => _channels.Select(c => c.Label).ToArray();

    /// <summary>Finds every hwmon device named "ina3221" and its labelled channels.</summary>
    public static (JetsonIna3221Source? Source, string? UnavailableReason) TryOpen(SysRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var channels = new List<Channel>();
        foreach (var hwmon in root.ListEntries("/sys/class/hwmon", "hwmon*"))
        {
            if (root.TryReadLine(hwmon + "/name") != "ina3221")
                continue;
            foreach (var labelPath in root.ListEntries(hwmon, "in*_label"))
            {
                var channel = Path.GetFileName(labelPath)["in".Length..^"_label".Length];
                var label = root.TryReadLine(labelPath);
                // Unconnected channels are labelled "NC"; the summing channel has no current.
                if (label is null || label == "NC" || !root.FileExists($"{hwmon}/curr{channel}_input"))
                    continue;
                channels.Add(new Channel(label, $"{hwmon}/in{channel}_input", $"{hwmon}/curr{channel}_input"));
            }
        }
        return channels.Count == 0
            ? (null, "no INA3221 hwmon device with labelled rails (not a Jetson, or an old L4T without hwmon labels)")
            : (new JetsonIna3221Source(root, channels), null);
    }

    public PowerReading Read()
    {
        var rails = new List<RailPower>(_channels.Count);
        foreach (var channel in _channels)
        {
            if (_root.TryReadInt64(channel.MillivoltsPath) is not { } millivolts
                || _root.TryReadInt64(channel.MilliamperesPath) is not { } milliamperes)
                return PowerReading.Unavailable($"INA3221 rail {channel.Label} could not be read");
            rails.Add(new RailPower(channel.Label, millivolts / 1000.0, milliamperes / 1000.0));
        }
        var total = rails.FirstOrDefault(r => r.Label == TotalInputRail)?.Watts ?? rails.Sum(r => r.Watts);
        return PowerReading.Power(total, rails);
    }

    private sealed record Channel(string Label, string MillivoltsPath, string MilliamperesPath);
}
