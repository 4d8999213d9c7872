using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Measure.Agent.Suites;

/// <summary>
/// Reads suite YAML strictly: every key must be known and every value valid, and an error names the
/// file, line and key. Walks the YAML node tree (not a serializer) so every error keeps its position.
/// </summary>
public static class SuiteParser
{
    private static readonly string[] TopLevelKeys = ["suite", "version", "description", "rules", "workloads"];
    private static readonly string[] RuleKeys = ["warmup_iterations", "iterations"];
    private static readonly string[] WorkloadKeys = ["kind", "precisions", "threads", "params"];

    public static SuiteDefinition Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SuiteFormatException($"{path}: cannot read the suite file ({ex.Message})", ex);
        }
        return Parse(text, path);
    }

    public static SuiteDefinition Parse(string text, string path)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(normalized));
        }
        catch (YamlException ex)
        {
            throw new SuiteFormatException($"{path}:{ex.Start.Line}: invalid YAML: {ex.Message}", ex);
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new SuiteFormatException($"{path}: a suite file is one YAML mapping (suite, version, rules, workloads).");

        var reader = new NodeReader(path);
        reader.RejectUnknownKeys(root, TopLevelKeys, "suite");
        var id = reader.RequiredString(root, "suite");
        var version = reader.RequiredInt(root, "version", minimum: 1);
        var description = reader.OptionalString(root, "description");
        var rulesNode = reader.RequiredMapping(root, "rules");
        reader.RejectUnknownKeys(rulesNode, RuleKeys, "rules");
        var rules = new RunRules(
            reader.RequiredInt(rulesNode, "warmup_iterations", minimum: 0),
            reader.RequiredInt(rulesNode, "iterations", minimum: 1));

        var workloadsNode = reader.RequiredSequence(root, "workloads");
        if (workloadsNode.Children.Count == 0)
            throw reader.Error(workloadsNode, "workloads", "a suite needs at least one workload");
        var workloads = workloadsNode.Children.Select(node => ParseWorkload(reader, node)).ToList();
        return new SuiteDefinition(id, version, description, rules, workloads, hash, path);
    }

    private static WorkloadSpec ParseWorkload(NodeReader reader, YamlNode node)
    {
        if (node is not YamlMappingNode map)
            throw reader.Error(node, "workloads", "each workload is a mapping with kind, precisions, threads and params");
        reader.RejectUnknownKeys(map, WorkloadKeys, "workload");
        var kind = reader.RequiredString(map, "kind");
        var precisions = reader.RequiredStringList(map, "precisions");
        var threads = reader.OptionalSequence(map, "threads") is { } threadNodes
            ? threadNodes.Children.Select(t => ParseThreads(reader, t)).ToList()
            : [null];
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reader.OptionalMapping(map, "params") is { } paramsNode)
        {
            foreach (var (key, value) in paramsNode.Children)
            {
                if (value is not YamlScalarNode scalar || scalar.Value is null)
                    throw reader.Error(value, $"params.{key}", "parameter values are scalars");
                parameters[((YamlScalarNode)key).Value!] = scalar.Value;
            }
        }
        return new WorkloadSpec(kind, precisions, threads, parameters, (int)map.Start.Line);
    }

    private static int? ParseThreads(NodeReader reader, YamlNode node)
    {
        if (node is YamlScalarNode { Value: "all" })
            return null;
        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
            return n;
        throw reader.Error(node, "threads", "each entry is a positive thread count or 'all'");
    }

    /// <summary>Typed access to mapping keys with positioned errors.</summary>
    private sealed class NodeReader(string path)
    {
        public SuiteFormatException Error(YamlNode node, string key, string message) =>
            new($"{path}:{node.Start.Line}: '{key}': {message}");

        public void RejectUnknownKeys(YamlMappingNode map, string[] known, string context)
        {
            foreach (var key in map.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value ?? "";
                if (!known.Contains(name, StringComparer.Ordinal))
                    throw Error(key, name, $"unknown key in {context} (expected one of: {string.Join(", ", known)})");
            }
        }

        public YamlNode? Optional(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        public YamlNode Required(YamlMappingNode map, string key) =>
            Optional(map, key) ?? throw Error(map, key, "missing required key");

        public string RequiredString(YamlMappingNode map, string key) =>
            Required(map, key) is YamlScalarNode { Value: { Length: > 0 } value } ? value : throw Error(Required(map, key), key, "expected a non-empty text value");

        public string? OptionalString(YamlMappingNode map, string key) => Optional(map, key) switch
        {
            null => null,
            YamlScalarNode scalar => scalar.Value,
            var other => throw Error(other, key, "expected a text value"),
        };

        public int RequiredInt(YamlMappingNode map, string key, int minimum)
        {
            var node = Required(map, key);
            if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum)
                return value;
            throw Error(node, key, $"expected a whole number of at least {minimum}");
        }

        public YamlMappingNode RequiredMapping(YamlMappingNode map, string key) =>
            Required(map, key) as YamlMappingNode ?? throw Error(Required(map, key), key, "expected a mapping");

        public YamlMappingNode? OptionalMapping(YamlMappingNode map, string key) => Optional(map, key) switch
        {
            null => null,
            YamlMappingNode mapping => mapping,
            var other => throw Error(other, key, "expected a mapping"),
        };

        public YamlSequenceNode RequiredSequence(YamlMappingNode map, string key) =>
            Required(map, key) as YamlSequenceNode ?? throw Error(Required(map, key), key, "expected a list");

        public YamlSequenceNode? OptionalSequence(YamlMappingNode map, string key) => Optional(map, key) switch
        {
            null => null,
            YamlSequenceNode sequence => sequence,
            var other => throw Error(other, key, "expected a list"),
        };

        public IReadOnlyList<string> RequiredStringList(YamlMappingNode map, string key)
        {
            var sequence = RequiredSequence(map, key);
            if (sequence.Children.Count == 0)
                throw Error(sequence, key, "expected at least one entry");
            return sequence.Children.Select(n => n is YamlScalarNode { Value: { Length: > 0 } v } ? v : throw Error(n, key, "expected text entries")).ToList();
        }
    }
}
