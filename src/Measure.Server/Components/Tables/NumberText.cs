using System.Globalization;

namespace Measure.Server.Components.Tables;

/// <summary>Numbers as tables show them: four significant figures, invariant culture, no exponent for everyday sizes.</summary>
public static class NumberText
{
    public static string Format(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
            return value.ToString(CultureInfo.InvariantCulture);
        var magnitude = Math.Abs(value);
        if (magnitude != 0 && (magnitude >= 1e7 || magnitude < 1e-3))
            return value.ToString("0.###e+0", CultureInfo.InvariantCulture);
        // Counts and other whole numbers show no decimals; measured values keep about four significant figures.
        var decimals = magnitude >= 1000 || value == Math.Round(value) ? 0 : magnitude >= 100 ? 1 : magnitude >= 10 ? 2 : 3;
        return value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    public static string Percent(double ratio) => ratio.ToString("+0.0#%;-0.0#%;0%", CultureInfo.InvariantCulture);

    public static string Utc(DateTime value) => value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
