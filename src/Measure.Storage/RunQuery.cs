namespace Measure.Storage;

/// <summary>Which runs a list returns: all given conditions must hold.</summary>
public sealed record RunQuery(string? Suite = null, string? Device = null, IReadOnlyDictionary<string, string>? Labels = null, string? ComparabilityKey = null)
{
    public static RunQuery All { get; } = new();
}
