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
        var decimals = magnitude >= 1000 ? 0 : magnitude >= 100 ? 1 : magnitude >= 10 ? 2 : 3;
        return value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    public static string Percent(double ratio) => ratio.ToString("+0.0#%;-0.0#%;0%", CultureInfo.InvariantCulture);

    public static string Utc(DateTime value) => value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
