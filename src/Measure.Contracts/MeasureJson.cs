using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace Measure.Contracts;

/// <summary>The one way every part of Measure reads and writes wire JSON.</summary>
public static class MeasureJson
{
    public static MeasureJsonContext Context => MeasureJsonContext.Default;

    public static MeasureJsonContext Indented { get; } = new(new JsonSerializerOptions(MeasureJsonContext.Default.Options) { WriteIndented = true });

    public static string Serialize(RunReport report, bool indented = false) =>
        JsonSerializer.Serialize(report, (indented ? Indented : Context).RunReport);

    /// <exception cref="JsonException">The text is not a valid report; the message names the JSON path.</exception>
    public static RunReport DeserializeReport(string json) =>
        JsonSerializer.Deserialize(json, Context.RunReport) ?? throw new JsonException("The report is JSON null.");

    public static async ValueTask<RunReport> DeserializeReportAsync(Stream utf8Json, CancellationToken cancellationToken = default) =>
        await JsonSerializer.DeserializeAsync(utf8Json, Context.RunReport, cancellationToken).ConfigureAwait(false)
        ?? throw new JsonException("The report is JSON null.");

    /// <summary>The JSON Schema of <see cref="RunReport"/>, generated from the contracts themselves.</summary>
    public static string RunReportSchema()
    {
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(
            Context.Options,
            typeof(RunReport),
            new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = $"https://measure.dev/schemas/run-report.v{ProtocolVersion.RunReportSchema}.json",
            ["title"] = "Measure run report",
        };
        foreach (var (key, value) in schema.AsObject().ToList())
        {
            root[key] = value?.DeepClone();
        }
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
