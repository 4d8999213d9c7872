namespace Measure.Contracts;

public static class MetricUnits
{
    public const string Milliseconds = "ms";
    public const string Seconds = "s";
    public const string GigabytesPerSecond = "GB/s";
    public const string GigaOpsPerSecond = "GOP/s";
    public const string TokensPerSecond = "tokens/s";
    public const string Joules = "J";
    public const string Bytes = "B";
    public const string Ratio = "ratio";

    public static bool IsDuration(string unit) => unit is "ns" or "us" or Milliseconds or Seconds;
}
