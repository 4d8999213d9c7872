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
    internal static readonly string[] TopLevelKeys = ["suite", "version", "description", "rules", "preconditions", "workloads"];
    internal static readonly string[] RuleKeys =
        ["warmup", "min_iterations", "min_duration_s", "cooldown", "idle_s", "sample_hz", "warmup_iterations", "iterations"];
    internal static readonly string[] WarmupKeys = ["min", "max", "window", "tolerance"];
    internal static readonly string[] CooldownKeys = ["margin_c", "max_s"];
    internal static readonly string[] WorkloadKeys = ["kind", "precisions", "threads", "params"];

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
        var rules = ParseRules(reader, rulesNode);
        var preconditions = reader.OptionalMapping(root, "preconditions") is { } preconditionsNode ? ParsePreconditions(reader, preconditionsNode) : null;

        var workloadsNode = reader.RequiredSequence(root, "workloads");
        if (workloadsNode.Children.Count == 0)
            throw reader.Error(workloadsNode, "workloads", "a suite needs at least one workload");
        var workloads = workloadsNode.Children.Select(node => ParseWorkload(reader, node)).ToList();
        return new SuiteDefinition(id, version, description, rules, workloads, hash, path, preconditions);
    }

    /// <summary>
    /// New keys (warmup: {min, max}, min_iterations, min_duration_s, cooldown: {margin_c, max_s}) or the
    /// skeleton's (warmup_iterations, iterations), never both for the same rule.
    /// </summary>
    private static RunRules ParseRules(NodeReader reader, YamlMappingNode rules)
    {
        reader.RejectUnknownKeys(rules, RuleKeys, "rules");
        reader.RejectBoth(rules, "warmup", "warmup_iterations");
        reader.RejectBoth(rules, "min_iterations", "iterations");

        WarmupRules warmup;
        if (reader.OptionalMapping(rules, "warmup") is { } warmupNode)
        {
            reader.RejectUnknownKeys(warmupNode, WarmupKeys, "rules.warmup");
            var min = reader.RequiredInt(warmupNode, "min", minimum: 0);
            var max = reader.RequiredInt(warmupNode, "max", minimum: min);
            warmup = new WarmupRules(min, max,
                reader.OptionalInt(warmupNode, "window", minimum: 2) ?? 5,
                reader.OptionalDouble(warmupNode, "tolerance", minimum: 0) ?? 0.02);
        }
        else
        {
            var fixedCount = reader.OptionalInt(rules, "warmup_iterations", minimum: 0)
                ?? throw reader.Error(rules, "warmup", "missing required key (warmup: {min, max}, or warmup_iterations)");
            warmup = new WarmupRules(fixedCount, fixedCount);
        }

        var minIterations = reader.OptionalInt(rules, "min_iterations", minimum: 1)
            ?? reader.OptionalInt(rules, "iterations", minimum: 1)
            ?? throw reader.Error(rules, "min_iterations", "missing required key (min_iterations, or iterations)");

        var cooldown = CooldownRules.Default;
        if (reader.OptionalMapping(rules, "cooldown") is { } cooldownNode)
        {
            reader.RejectUnknownKeys(cooldownNode, CooldownKeys, "rules.cooldown");
            cooldown = new CooldownRules(
                reader.OptionalDouble(cooldownNode, "margin_c", minimum: 0) ?? CooldownRules.Default.MarginCelsius,
                reader.OptionalDouble(cooldownNode, "max_s", minimum: 0) ?? CooldownRules.Default.MaxSeconds);
        }

        var sampleHz = reader.OptionalDouble(rules, "sample_hz", minimum: 0.1) ?? 10;
        if (sampleHz > 100)
            throw reader.Error(reader.Required(rules, "sample_hz"), "sample_hz", "the sampler runs at most 100 Hz");
        return new RunRules(
            warmup,
            minIterations,
            reader.OptionalDouble(rules, "min_duration_s", minimum: 0) ?? 0,
            cooldown,
            reader.OptionalDouble(rules, "idle_s", minimum: 0) ?? 2,
            sampleHz);
    }

    /// <summary>The phone state the suite requires; brightness is a manual level 0-255 and implies fixed_brightness.</summary>
    private static SuitePreconditions ParsePreconditions(NodeReader reader, YamlMappingNode block)
    {
        reader.RejectUnknownKeys(block, SuitePreconditions.Keys, "preconditions");
        var brightness = reader.OptionalInt(block, "brightness", minimum: 0, maximum: 255);
        var fixedBrightness = reader.OptionalBool(block, "fixed_brightness");
        if (brightness is not null && fixedBrightness == false)
            throw reader.Error(reader.Required(block, "fixed_brightness"), "fixed_brightness", "false contradicts 'brightness' (a brightness level is a fixed manual brightness)");
        return new SuitePreconditions(
            reader.OptionalBool(block, "screen_off"),
            reader.OptionalBool(block, "airplane_mode"),
            brightness is not null ? true : fixedBrightness,
            brightness,
            reader.OptionalInt(block, "min_battery_percent", minimum: 0, maximum: 100));
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

        public int? OptionalInt(YamlMappingNode map, string key, int minimum) =>
            Optional(map, key) is null ? null : RequiredInt(map, key, minimum);

        public int? OptionalInt(YamlMappingNode map, string key, int minimum, int maximum)
        {
            var node = Optional(map, key);
            if (node is null)
                return null;
            if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum)
                return value;
            throw Error(node, key, string.Create(CultureInfo.InvariantCulture, $"expected a whole number from {minimum} to {maximum}"));
        }

        /// <summary>YAML 1.2 core booleans only (true/false): "yes", "on" or 1 are more likely typos than intent.</summary>
        public bool? OptionalBool(YamlMappingNode map, string key) => Optional(map, key) switch
        {
            null => null,
            YamlScalarNode { Value: "true" or "True" or "TRUE" } => true,
            YamlScalarNode { Value: "false" or "False" or "FALSE" } => false,
            var other => throw Error(other, key, "expected true or false"),
        };

        public double? OptionalDouble(YamlMappingNode map, string key, double minimum)
        {
            var node = Optional(map, key);
            if (node is null)
                return null;
            if (node is YamlScalarNode { Value: { } text }
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= minimum)
                return value;
            throw Error(node, key, string.Create(CultureInfo.InvariantCulture, $"expected a number of at least {minimum}"));
        }

        public void RejectBoth(YamlMappingNode map, string key, string legacyKey)
        {
            if (Optional(map, key) is { } node && Optional(map, legacyKey) is not null)
                throw Error(node, key, $"give either '{key}' or '{legacyKey}', not both");
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
