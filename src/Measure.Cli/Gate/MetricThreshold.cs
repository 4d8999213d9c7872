using System.Globalization;

namespace Measure.Cli.Gate;

/// <summary>How far a metric may worsen before the gate fails: relative (0.05 = 5%) or absolute (in the metric's unit).</summary>
public sealed record MetricThreshold(double Value, bool IsAbsolute)
{
    public const string AbsolutePrefix = "abs:";

    /// <summary>Parses <c>0.05</c>, <c>5%</c> or <c>abs:0.01</c>; <paramref name="what"/> names the option in errors.</summary>
    public static MetricThreshold Parse(string text, string what)
    {
        var body = text.Trim();
        var absolute = body.StartsWith(AbsolutePrefix, StringComparison.Ordinal);
        if (absolute)
            body = body[AbsolutePrefix.Length..];
        var percent = !absolute && body.EndsWith('%');
        if (percent)
            body = body[..^1];
        if (!double.TryParse(body, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0)
            throw new ArgumentException($"{what}: '{text}' is not a threshold (use 0.05, 5% or abs:0.01)", nameof(text));
        if (percent)
            value /= 100;
        if (!absolute && value >= 1)
            throw new ArgumentException($"{what}: a relative threshold must be below 1 (0.05 = 5%); got '{text}'", nameof(text));
        return new MetricThreshold(value, absolute);
    }

    public override string ToString() => IsAbsolute
        ? string.Create(CultureInfo.InvariantCulture, $"{AbsolutePrefix}{Value:G4}")
        : string.Create(CultureInfo.InvariantCulture, $"{Value:0.0##%}");
}
