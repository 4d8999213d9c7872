namespace Measure.Sensors.IO;

/// <summary>Orders names by their text prefix, then by their trailing number ("cpu2" before "cpu10").</summary>
internal sealed class NaturalNameComparer : IComparer<string>
{
    public static NaturalNameComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
            return string.CompareOrdinal(x, y);
        var (xPrefix, xNumber) = Split(x);
        var (yPrefix, yNumber) = Split(y);
        var byPrefix = string.CompareOrdinal(xPrefix, yPrefix);
        if (byPrefix != 0)
            return byPrefix;
        var byNumber = Nullable.Compare(xNumber, yNumber);
        return byNumber != 0 ? byNumber : string.CompareOrdinal(x, y);
    }

    /// <summary>The trailing decimal number of a name such as "thermal_zone12", if any.</summary>
    public static long? TrailingNumber(string name) => Split(name).Number;

    private static (string Prefix, long? Number) Split(string name)
    {
        var end = name.Length;
        var start = end;
        while (start > 0 && char.IsAsciiDigit(name[start - 1]))
            start--;
        if (start == end || end - start > 18)
            return (name, null);
        return (name[..start], long.Parse(name.AsSpan(start), provider: System.Globalization.CultureInfo.InvariantCulture));
    }
}
