using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Measure.Contracts;

namespace Measure.Imports;

/// <summary>
/// MLPerf LoadGen logs: <c>mlperf_log_summary.txt</c> ("key : value" lines) or <c>mlperf_log_detail.txt</c>
/// (<c>:::MLLOG {json}</c> lines). LoadGen logs summary statistics, not per-query latencies, so each becomes one
/// workload (scenario and mode as parameters) with single values: latency mean and percentiles in ms, throughput.
/// An INVALID result is kept but flagged, so a gate reader sees it.
/// </summary>
public static partial class MlPerfImporter
{
    public const string Format = "mlperf";
    public const string SummaryHeader = "MLPerf Results Summary";
    public const string DetailPrefix = ":::MLLOG ";
    public const string InvalidFlag = "mlperf-result-invalid";

    public static bool IsSummary(string text) => text.Contains(SummaryHeader, StringComparison.Ordinal);

    public static bool IsDetail(string text) => text.TrimStart().StartsWith(DetailPrefix, StringComparison.Ordinal);

    public static RunReport ImportSummary(ImportSource source, DateTimeOffset now)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in source.Text.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line.TrimStart().StartsWith('*'))
                continue;
            fields.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, text) in fields)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                continue;
            if (SummaryMetric(key) is { } metric)
                values.TryAdd(metric, number);
        }
        var valid = fields.GetValueOrDefault("Result is");
        return Build(source, fields.GetValueOrDefault("Scenario"), fields.GetValueOrDefault("Mode"), fields.GetValueOrDefault("SUT name"), valid, values, null, now);
    }

    public static RunReport ImportDetail(ImportSource source, DateTimeOffset now)
    {
        var entries = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var raw in source.Text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (!line.StartsWith(DetailPrefix, StringComparison.Ordinal))
                continue;
            try
            {
                using var document = JsonDocument.Parse(line[DetailPrefix.Length..]);
                if (JsonFields.String(document.RootElement, "key") is { } key && document.RootElement.TryGetProperty("value", out var value))
                    entries[key] = value.Clone();
            }
            catch (JsonException ex)
            {
                throw new ImportException($"{source.Path}: line {lineNumber} is not ':::MLLOG' followed by a JSON object ({ex.Message})", ex);
            }
        }
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            if (value.ValueKind == JsonValueKind.Number && DetailMetric(key) is { } metric)
                values.TryAdd(metric, value.GetDouble());
        }
        string? Text(string key) => entries.TryGetValue(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var started = entries.TryGetValue("log_start_utc", out var s) && s.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(s.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : (DateTimeOffset?)null;
        return Build(source, Text("effective_scenario") ?? Text("requested_scenario"), Text("effective_test_mode") ?? Text("requested_test_mode"),
            Text("sut_name"), Text("result_validity"), values, started, now);
    }

    private static RunReport Build(ImportSource source, string? scenario, string? mode, string? sut, string? validity, Dictionary<string, double> values, DateTimeOffset? started, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(scenario))
            throw new ImportException($"{source.Path}: no scenario found; expected an MLPerf LoadGen log with 'Scenario : ...' or an effective_scenario entry");
        if (values.Count == 0)
            throw new ImportException($"{source.Path}: no latency or throughput figures found; expected LoadGen's result statistics");
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["scenario"] = scenario };
        if (!string.IsNullOrWhiteSpace(mode))
            parameters["mode"] = mode;
        if (!string.IsNullOrWhiteSpace(sut))
            parameters["sut"] = sut;
        var metrics = values.Keys.Order(StringComparer.Ordinal).Select(Declare).ToList();
        var flags = validity is not null && !validity.Equals("VALID", StringComparison.OrdinalIgnoreCase) ? new List<string> { InvalidFlag } : null;
        var workload = new WorkloadResult($"mlperf {scenario}", ImportedRun.Unknown, ImportedRun.Unknown, 1, parameters, [],
            metrics.Select(m => new MetricValue(m.Name, m.Unit == MetricUnits.Milliseconds ? values[m.Name] / 1e6 : values[m.Name], Source: "MLPerf LoadGen")).ToList(), flags);
        var when = started ?? source.ModifiedAt;
        return ImportedRun.Build(source, Format, when, when, null, metrics, [workload], now);
    }

    // Latencies are logged in ns and stored in ms; throughputs keep their unit.
    private static MetricDeclaration Declare(string name) => name.StartsWith("latency", StringComparison.Ordinal)
        ? new MetricDeclaration(name, MetricUnits.Milliseconds, MetricDirection.LowerIsBetter, MetricAggregation.Last, "MLPerf LoadGen query latency statistic.")
        : new MetricDeclaration(name, name == "samples_per_second" ? "samples/s" : "queries/s", MetricDirection.HigherIsBetter, MetricAggregation.Last, "MLPerf LoadGen throughput.");

    private static string? SummaryMetric(string key)
    {
        if (key == "Mean latency (ns)")
            return "latency_mean";
        if (key == "Min latency (ns)")
            return "latency_min";
        if (key == "Max latency (ns)")
            return "latency_max";
        if (key == "Samples per second")
            return "samples_per_second";
        if (key == "QPS w/o loadgen overhead")
            return "qps";
        var percentile = SummaryPercentile().Match(key);
        return percentile.Success ? PercentileName(percentile.Groups[1].Value) : null;
    }

    private static string? DetailMetric(string key)
    {
        switch (key)
        {
            case "result_mean_latency_ns":
                return "latency_mean";
            case "result_min_latency_ns":
                return "latency_min";
            case "result_max_latency_ns":
                return "latency_max";
            case "result_samples_per_second":
                return "samples_per_second";
            case "result_qps_without_loadgen_overhead":
                return "qps";
        }
        var percentile = DetailPercentile().Match(key);
        return percentile.Success ? PercentileName(percentile.Groups[1].Value) : null;
    }

    // "90.00" -> "latency_p90", "99.90" -> "latency_p99.9"
    private static string PercentileName(string percentile) =>
        "latency_p" + double.Parse(percentile, CultureInfo.InvariantCulture).ToString("0.###", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d+(?:\.\d+)?) percentile latency \(ns\)$")]
    private static partial Regex SummaryPercentile();

    [GeneratedRegex(@"^result_(\d+(?:\.\d+)?)_percentile_latency_ns$")]
    private static partial Regex DetailPercentile();
}
