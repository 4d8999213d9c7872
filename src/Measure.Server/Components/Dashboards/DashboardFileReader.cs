using System.Globalization;
using Measure.Storage.Queries;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Measure.Server.Components.Dashboards;

/// <summary>
/// Reads one dashboard file (YAML) strictly: unknown keys, wrong kinds, missing metrics and bad values are
/// errors naming the file and the key path (panels[2].x.stat), so a lab sees at start what to fix.
/// </summary>
public static class DashboardFileReader
{
    private static readonly string[] DashboardKeys = ["title", "description", "order", "panels"];
    private static readonly string[] PanelKeys = ["kind", "title", "description", "filters", "group", "limit", "columns", "x", "y", "metric", "frontier"];
    private static readonly string[] FilterKeys = ["suite", "workload", "precision", "device", "tag", "since", "until"];
    private static readonly string[] MetricKeys = ["metric", "stat", "label"];

    public static DashboardDefinition Parse(string file, string yaml)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        ArgumentNullException.ThrowIfNull(yaml);
        var id = Path.GetFileNameWithoutExtension(file);
        if (id.Length == 0 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new DashboardDefinitionException(file, "(file name)", "a dashboard id (the file name) uses letters, digits, '-' and '_' only");

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new DashboardDefinitionException(file, $"(line {ex.Start.Line})", "not valid YAML: " + ex.Message);
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new DashboardDefinitionException(file, "(root)", "a dashboard is one YAML mapping with 'title' and 'panels'");

        var reader = new Reader(file);
        reader.OnlyKeys(root, "", DashboardKeys);
        var title = reader.RequiredText(root, "", "title");
        var description = reader.OptionalText(root, "", "description");
        var order = reader.OptionalInt(root, "", "order", 0, 1000) ?? 100;
        if (Child(root, "panels") is not YamlSequenceNode { Children.Count: > 0 } panels)
            throw new DashboardDefinitionException(file, "panels", "a non-empty list of panels is required");
        var definitions = panels.Children.Select((node, i) => reader.Panel(node, $"panels[{i}]")).ToList();
        return new DashboardDefinition(id, title, description, order, definitions, file);
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private sealed class Reader(string file)
    {
        public PanelDefinition Panel(YamlNode node, string path)
        {
            if (node is not YamlMappingNode map)
                throw Error(path, "a panel is a mapping with 'kind' and 'title'");
            OnlyKeys(map, path, PanelKeys);
            var kind = Enum<PanelKind>(map, path, "kind", required: true)!.Value;
            var title = RequiredText(map, path, "title");
            var group = Enum<PanelGrouping>(map, path, "group", required: false) ?? PanelGrouping.Device;
            var limit = OptionalInt(map, path, "limit", 1, ResultRowsQuery.MaxRuns) ?? PanelDefinition.DefaultLimit;
            var frontier = OptionalBool(map, path, "frontier") ?? false;
            var filter = Filters(map, path);
            var x = OptionalMetric(map, path, "x");
            var y = OptionalMetric(map, path, "y");
            var metric = OptionalMetric(map, path, "metric");
            var columns = Columns(map, path);

            switch (kind)
            {
                case PanelKind.Table when columns.Count == 0:
                    throw Error($"{path}.columns", "a table panel needs a non-empty list of columns");
                case PanelKind.Scatter or PanelKind.Roofline when x is null || y is null:
                    throw Error($"{path}.{(x is null ? "x" : "y")}", $"a {kind.ToString().ToLowerInvariant()} panel needs both 'x' and 'y' metrics");
                case PanelKind.Bar or PanelKind.Trend when metric is null:
                    throw Error($"{path}.metric", $"a {kind.ToString().ToLowerInvariant()} panel needs a 'metric'");
            }
            return new PanelDefinition(kind, title, filter, group, columns, x, y, metric, frontier, limit, OptionalText(map, path, "description"));
        }

        private ResultFilter Filters(YamlMappingNode panel, string path)
        {
            var node = Child(panel, "filters");
            if (node is null)
                return ResultFilter.Any;
            var at = $"{path}.filters";
            if (node is not YamlMappingNode map)
                throw Error(at, "filters are a mapping (suite, workload, precision, device, tag, since, until)");
            OnlyKeys(map, at, FilterKeys);
            return new ResultFilter(
                OptionalText(map, at, "suite"),
                OptionalText(map, at, "workload"),
                OptionalText(map, at, "precision"),
                OptionalText(map, at, "device"),
                OptionalText(map, at, "tag"),
                OptionalDate(map, at, "since"),
                OptionalDate(map, at, "until"));
        }

        private List<MetricReference> Columns(YamlMappingNode panel, string path)
        {
            var node = Child(panel, "columns");
            if (node is null)
                return [];
            if (node is not YamlSequenceNode list)
                throw Error($"{path}.columns", "columns are a list of metrics");
            return list.Children.Select((c, i) => Metric(c, $"{path}.columns[{i}]")).ToList();
        }

        private MetricReference? OptionalMetric(YamlMappingNode map, string path, string key) =>
            Child(map, key) is { } node ? Metric(node, $"{path}.{key}") : null;

        /// <summary>A metric is a name, a list of names (first present wins), or a mapping {metric, stat, label}.</summary>
        private MetricReference Metric(YamlNode node, string path)
        {
            switch (node)
            {
                case YamlScalarNode or YamlSequenceNode:
                    return new MetricReference(Names(node, path));
                case YamlMappingNode map:
                    OnlyKeys(map, path, MetricKeys);
                    var names = Child(map, "metric") is { } n ? Names(n, $"{path}.metric") : throw Error($"{path}.metric", "a metric name is required");
                    var stat = Enum<MetricStatistic>(map, path, "stat", required: false) ?? MetricStatistic.Headline;
                    return new MetricReference(names, stat, OptionalText(map, path, "label"));
                default:
                    throw Error(path, "a metric is a name, a list of names or a mapping with 'metric'");
            }
        }

        private List<string> Names(YamlNode node, string path)
        {
            var names = node switch
            {
                YamlScalarNode { Value: { Length: > 0 } name } => [name],
                YamlSequenceNode list when list.Children.Count > 0 && list.Children.All(c => c is YamlScalarNode { Value.Length: > 0 }) =>
                    list.Children.Select(c => ((YamlScalarNode)c).Value!).ToList(),
                _ => throw Error(path, "a metric name (or a non-empty list of names) is required"),
            };
            return names;
        }

        public void OnlyKeys(YamlMappingNode map, string path, string[] allowed)
        {
            foreach (var key in map.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value ?? "?";
                if (!allowed.Contains(name, StringComparer.Ordinal))
                    throw Error(Join(path, name), $"unknown key (allowed: {string.Join(", ", allowed)})");
            }
        }

        public string RequiredText(YamlMappingNode map, string path, string key) =>
            OptionalText(map, path, key) ?? throw Error(Join(path, key), "a non-empty text is required");

        public string? OptionalText(YamlMappingNode map, string path, string key) => Child(map, key) switch
        {
            null => null,
            YamlScalarNode { Value: { Length: > 0 } text } => text,
            _ => throw Error(Join(path, key), "must be a non-empty text"),
        };

        public int? OptionalInt(YamlMappingNode map, string path, string key, int min, int max)
        {
            if (OptionalText(map, path, key) is not { } text)
                return null;
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
                throw Error(Join(path, key), $"'{text}' is not a whole number from {min} to {max}");
            return value;
        }

        private bool? OptionalBool(YamlMappingNode map, string path, string key) => OptionalText(map, path, key) switch
        {
            null => null,
            "true" => true,
            "false" => false,
            var other => throw Error(Join(path, key), $"'{other}' is not true or false"),
        };

        private DateTime? OptionalDate(YamlMappingNode map, string path, string key)
        {
            if (OptionalText(map, path, key) is not { } text)
                return null;
            if (!DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
                throw Error(Join(path, key), $"'{text}' is not a date (yyyy-MM-dd)");
            return date;
        }

        private T? Enum<T>(YamlMappingNode map, string path, string key, bool required)
            where T : struct, Enum
        {
            var text = required ? RequiredText(map, path, key) : OptionalText(map, path, key);
            if (text is null)
                return null;
            var names = System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToList();
            if (!names.Contains(text, StringComparer.Ordinal))
                throw Error(Join(path, key), $"'{text}' is not one of {string.Join(", ", names)}");
            return System.Enum.Parse<T>(text, ignoreCase: true);
        }

        private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

        private DashboardDefinitionException Error(string key, string problem) => new(file, key, problem);
    }
}
