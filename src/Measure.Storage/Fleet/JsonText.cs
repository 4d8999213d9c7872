using System.Text.Json;
using Measure.Contracts;

namespace Measure.Storage.Fleet;

/// <summary>The small JSON columns of fleet rows (tag lists, label maps).</summary>
public static class JsonText
{
    public static string Tags(IEnumerable<string> tags) =>
        JsonSerializer.Serialize(tags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(), MeasureJson.Context.IReadOnlyListString);

    public static IReadOnlyList<string> ReadTags(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize(json, MeasureJson.Context.IReadOnlyListString) ?? [];

    public static string? Labels(IReadOnlyDictionary<string, string>? labels) =>
        labels is null ? null : JsonSerializer.Serialize(labels, MeasureJson.Context.IReadOnlyDictionaryStringString);

    public static IReadOnlyDictionary<string, string>? ReadLabels(string? json) =>
        json is null ? null : JsonSerializer.Deserialize(json, MeasureJson.Context.IReadOnlyDictionaryStringString);
}
