using System.Collections;

namespace Measure.Workloads.Gguf;

/// <summary>
/// The key/value metadata of a GGUF file, with typed getters whose failures name the file and key
/// ("missing key llama.block_count", "key general.alignment is String, expected an integer").
/// </summary>
public sealed class GgufMetadata : IReadOnlyDictionary<string, GgufValue>
{
    private readonly Dictionary<string, GgufValue> _values;

    internal GgufMetadata(string filePath, Dictionary<string, GgufValue> values)
    {
        FilePath = filePath;
        _values = values;
    }

    public string FilePath { get; }

    public int Count => _values.Count;

    public IEnumerable<string> Keys => _values.Keys;

    public IEnumerable<GgufValue> Values => _values.Values;

    public GgufValue this[string key] => _values.TryGetValue(key, out var value)
        ? value
        : throw new ModelFormatException(FilePath, $"missing metadata key '{key}'");

    public bool ContainsKey(string key) => _values.ContainsKey(key);

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out GgufValue value) =>
        _values.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, GgufValue>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public string GetString(string key) => this[key].Value as string ?? throw WrongType(key, "a string");

    public string? GetStringOrNull(string key) => _values.TryGetValue(key, out var v) ? v.Value as string ?? throw WrongType(key, "a string") : null;

    public long GetInteger(string key) => this[key].TryGetInteger(out var v) ? v : throw WrongType(key, "an integer");

    public long? GetIntegerOrNull(string key) =>
        _values.TryGetValue(key, out var value) ? value.TryGetInteger(out var v) ? v : throw WrongType(key, "an integer") : null;

    public double? GetRealOrNull(string key) =>
        _values.TryGetValue(key, out var value) ? value.TryGetReal(out var v) ? v : throw WrongType(key, "a number") : null;

    public bool? GetBoolOrNull(string key) =>
        _values.TryGetValue(key, out var value) ? value.Value is bool b ? b : throw WrongType(key, "a bool") : null;

    public T[] GetArray<T>(string key) => this[key].Value as T[] ?? throw WrongType(key, $"an array of {typeof(T).Name}");

    public T[]? GetArrayOrNull<T>(string key) =>
        _values.TryGetValue(key, out var value) ? value.Value as T[] ?? throw WrongType(key, $"an array of {typeof(T).Name}") : null;

    private ModelFormatException WrongType(string key, string expected)
    {
        var actual = _values[key];
        var described = actual.ElementType is { } element ? $"an array of {element}" : actual.Type.ToString();
        return new ModelFormatException(FilePath, $"metadata key '{key}' is {described}, expected {expected}");
    }
}
