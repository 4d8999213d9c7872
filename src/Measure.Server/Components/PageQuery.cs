using System.Globalization;
using Measure.Storage.Queries;

namespace Measure.Server.Components;

/// <summary>
/// Builds links that keep a page's state in its query string: the current parameters with some replaced,
/// so sort, filter and selection links reproduce the view.
/// </summary>
public static class PageQuery
{
    public static string Link(string path, IEnumerable<KeyValuePair<string, string?>> current, params (string Key, string? Value)[] replace)
    {
        var replaced = replace.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var pairs = current.Where(p => !replaced.Contains(p.Key)).Concat(replace.Select(r => new KeyValuePair<string, string?>(r.Key, r.Value)))
            .Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value!)}");
        var query = string.Join("&", pairs);
        return query.Length == 0 ? path : $"{path}?{query}";
    }

    /// <summary>The filter fields as query pairs (the inverse of <see cref="Filter"/>).</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Pairs(ResultFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        yield return new("suite", filter.Suite);
        yield return new("workload", filter.Workload);
        yield return new("precision", filter.Precision);
        yield return new("device", filter.Device);
        yield return new("tag", filter.DeviceTag);
        yield return new("since", filter.SinceUtc?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        yield return new("until", filter.UntilUtc?.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>A filter from query values; empty means any; dates are whole UTC days, 'until' inclusive.</summary>
    public static ResultFilter Filter(string? suite, string? workload, string? precision, string? device, string? tag, string? since, string? until) => new(
        Blank(suite), Blank(workload), Blank(precision), Blank(device), Blank(tag), Day(since, nameof(since)), Day(until, nameof(until))?.AddDays(1));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateTime? Day(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        return DateTime.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day)
            ? day
            : throw new ArgumentException($"'{value}' is not a date (yyyy-MM-dd).", name);
    }
}
