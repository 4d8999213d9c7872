using Measure.Sensors.IO;

namespace Measure.Sensors.Thermal;

/// <summary>All zone temperatures at one moment, keyed by zone name, for idle baselines and cooldown checks.</summary>
public static class ThermalSnapshot
{
    /// <summary>Readable zones only: an unreadable zone is absent, never 0 °C.</summary>
    public static IReadOnlyDictionary<string, double> Read(SysRoot root, IReadOnlyList<ThermalZone> zones)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(zones);
        var temperatures = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var zone in zones)
        {
            if (zone.ReadCelsius(root) is { } celsius)
                temperatures[zone.Name] = celsius;
        }
        return temperatures;
    }
}
