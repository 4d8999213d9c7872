namespace Measure.Workloads.Micro;

public enum GemvPrecision
{
    F32,
    F16,
    Q8_0,
}

public static class GemvPrecisions
{
    public static string Name(GemvPrecision precision) => precision switch
    {
        GemvPrecision.F32 => "f32",
        GemvPrecision.F16 => "f16",
        GemvPrecision.Q8_0 => "q8_0",
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, null),
    };

    public static bool TryParse(string text, out GemvPrecision precision)
    {
        foreach (var candidate in Enum.GetValues<GemvPrecision>())
        {
            if (string.Equals(Name(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                precision = candidate;
                return true;
            }
        }
        precision = default;
        return false;
    }
}
