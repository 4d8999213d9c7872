using System.Globalization;
using System.Text.RegularExpressions;

namespace Measure.Sensors.Power;

/// <summary>
/// Parses `vcgencmd pmic_read_adc` on a Raspberry Pi 5: lines such as
/// "VDD_CORE_A current(7)=2.51838000A" and "VDD_CORE_V volt(15)=0.72000000V" (older firmware
/// prints "VDD_CORE_A=2.518A"). Rails are the names that have both a current and a voltage;
/// voltage-only entries such as EXT5V_V (the 5 V input) are kept apart.
/// </summary>
public static partial class PmicAdcReport
{
    public static PmicAdcReading Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var currents = new Dictionary<string, double>(StringComparer.Ordinal);
        var volts = new Dictionary<string, double>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var line in output.Split('\n'))
        {
            var match = AdcLine().Match(line);
            if (!match.Success || match.Groups["suffix"].Value != match.Groups["unit"].Value)
                continue;
            var rail = match.Groups["rail"].Value;
            var value = double.Parse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            var target = match.Groups["unit"].Value == "A" ? currents : volts;
            target[rail] = value;
            if (!order.Contains(rail))
                order.Add(rail);
        }

        var rails = order.Where(r => currents.ContainsKey(r) && volts.ContainsKey(r))
            .Select(r => new RailPower(r, volts[r], currents[r]))
            .ToArray();
        var voltageOnly = order.Where(r => !currents.ContainsKey(r) && volts.ContainsKey(r))
            .ToDictionary(r => r, r => volts[r], StringComparer.Ordinal);
        return new PmicAdcReading(rails, voltageOnly);
    }

    // rail name, then _A or _V (which must agree with the unit), optional "current(n)"/"volt(n)", "=", value, unit.
    [GeneratedRegex(@"^\s*(?<rail>[A-Za-z0-9_]+?)_(?<suffix>[AV])(\s+(current|volt|voltage)\(\d+\))?\s*=\s*(?<value>[0-9]+(\.[0-9]+)?)(?<unit>[AV])\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex AdcLine();
}

/// <summary>The rails of one pmic_read_adc report and the voltage-only inputs (e.g. EXT5V).</summary>
public sealed record PmicAdcReading(IReadOnlyList<RailPower> Rails, IReadOnlyDictionary<string, double> VoltageOnly)
{
    public double TotalWatts => Rails.Sum(r => r.Watts);
}
