using System.Globalization;
using Measure.Agent.Suites;

namespace Measure.Agent.Running;

/// <summary>Typed reads of one workload entry's <c>params</c>; every error names the suite file, the entry's line and the key.</summary>
public sealed class WorkloadParameters(SuiteDefinition suite, WorkloadSpec spec)
{
    public SuiteFormatException Error(string key, string message) => new($"{suite.SourcePath}:{spec.Line}: '{key}': {message}");

    /// <summary>A parameter this kind does not know is a typo until proven otherwise: refuse it.</summary>
    public void RejectUnknown(IReadOnlyList<string> known)
    {
        foreach (var key in spec.Parameters.Keys.Order(StringComparer.Ordinal))
        {
            if (!known.Contains(key, StringComparer.Ordinal))
                throw Error($"params.{key}", $"unknown parameter for kind '{spec.Kind}' (expected one of: {string.Join(", ", known)})");
        }
    }

    public bool Has(string key) => spec.Parameters.ContainsKey(key);

    public int RequiredInt(string key, int minimum) =>
        Int(key, minimum) ?? throw Error($"params.{key}", "missing required parameter");

    public int IntOrDefault(string key, int fallback, int minimum) => Int(key, minimum) ?? fallback;

    public ulong UnsignedOrDefault(string key, ulong fallback)
    {
        if (!spec.Parameters.TryGetValue(key, out var text))
            return fallback;
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error($"params.{key}", $"expected a non-negative whole number, got '{text}'");
    }

    /// <summary>A real number in (<paramref name="exclusiveMinimum"/>, <paramref name="maximum"/>], or the fallback when absent.</summary>
    public double DoubleOrDefault(string key, double fallback, double exclusiveMinimum, double maximum)
    {
        if (!spec.Parameters.TryGetValue(key, out var text))
            return fallback;
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > exclusiveMinimum && value <= maximum)
            return value;
        throw Error($"params.{key}", string.Create(CultureInfo.InvariantCulture, $"expected a number above {exclusiveMinimum} and at most {maximum}, got '{text}'"));
    }

    public string? String(string key) => spec.Parameters.TryGetValue(key, out var text) ? text : null;

    public string Choice(string key, string fallback, IReadOnlyList<string> allowed)
    {
        var text = String(key) ?? fallback;
        return allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase))
            ?? throw Error($"params.{key}", $"expected one of {string.Join(", ", allowed)}, got '{text}'");
    }

    private int? Int(string key, int minimum)
    {
        if (!spec.Parameters.TryGetValue(key, out var text))
            return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum)
            return value;
        throw Error($"params.{key}", string.Create(CultureInfo.InvariantCulture, $"expected a whole number of at least {minimum}, got '{text}'"));
    }
}
