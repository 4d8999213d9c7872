using System.Globalization;
using Measure.Sensors.IO;

namespace Measure.Sensors.Thermal;

/// <summary>One /sys/class/thermal/thermal_zoneN: its type, its trip points, and where its temperature is read.</summary>
public sealed record ThermalZone(int Index, string Type, IReadOnlyList<TripPoint> TripPoints)
{
    /// <summary>A stable channel name such as "thermal_zone0:cpu-thermal".</summary>
    public string Name => $"thermal_zone{Index.ToString(CultureInfo.InvariantCulture)}:{Type}";

    /// <summary>The lowest trip point at which the kernel throttles, if the zone has one.</summary>
    public double? ThrottleCelsius => TripPoints.Where(t => t.Throttles).Select(t => (double?)t.Celsius).Min();

    /// <summary>Every zone in the tree with its trip points (read once: they are configuration).</summary>
    public static IReadOnlyList<ThermalZone> Discover(SysRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var zones = new List<ThermalZone>();
        foreach (var path in root.ListEntries("/sys/class/thermal", "thermal_zone*"))
        {
            if (NaturalNameComparer.TrailingNumber(Path.GetFileName(path)) is not { } index)
                continue;
            var type = root.TryReadLine(path + "/type") ?? "unknown";
            zones.Add(new ThermalZone((int)index, type, ReadTripPoints(root, path)));
        }
        return zones;
    }

    /// <summary>The zone's temperature now in °C; null when the driver cannot answer (e.g. a sensor that is powered off).</summary>
    public double? ReadCelsius(SysRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return MillidegreesToCelsius(root.TryReadInt64($"/sys/class/thermal/thermal_zone{Index.ToString(CultureInfo.InvariantCulture)}/temp"));
    }

    private static IReadOnlyList<TripPoint> ReadTripPoints(SysRoot root, string zonePath)
    {
        var trips = new List<TripPoint>();
        foreach (var tempPath in root.ListEntries(zonePath, "trip_point_*_temp"))
        {
            var name = Path.GetFileName(tempPath);
            if (!int.TryParse(name["trip_point_".Length..^"_temp".Length], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                continue;
            var celsius = MillidegreesToCelsius(root.TryReadInt64(tempPath));
            var type = root.TryReadLine($"{zonePath}/trip_point_{index.ToString(CultureInfo.InvariantCulture)}_type");
            // A trip at or below 0 °C is a disabled placeholder (x86_pkg_temp ships them).
            if (celsius is > 0 && type is not null)
                trips.Add(new TripPoint(index, celsius.Value, type));
        }
        return trips;
    }

    // sysfs reports millidegrees Celsius; values far outside any silicon's range mean "no reading".
    private static double? MillidegreesToCelsius(long? millidegrees) =>
        millidegrees is { } m && m > -100_000 && m < 250_000 ? m / 1000.0 : null;
}
