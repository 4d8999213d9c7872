using System.Text;
using System.Text.Json;
using Measure.Statistics.Comparison;

namespace Measure.Cli.Gate;

/// <summary>
/// The verdict as JSON for scripts: the outcome, every comparison with its evidence, and what was not compared.
/// Written by hand with a Utf8JsonWriter so the shape is explicit and stable (numbers that do not exist are null).
/// </summary>
public static class GateJson
{
    public const int FormatVersion = 1;

    public static string Write(GateReport report, bool strict)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            var exit = report.ExitCode(strict);
            json.WriteStartObject();
            json.WriteNumber("formatVersion", FormatVersion);
            json.WriteString("outcome", exit switch { ExitCodes.Regression => "regression", ExitCodes.Inconclusive => "inconclusive", _ => "pass" });
            json.WriteNumber("exitCode", exit);
            json.WriteBoolean("strict", strict);
            json.WriteStartArray("comparisons");
            foreach (var c in report.Comparisons)
                WriteComparison(json, c);
            json.WriteEndArray();
            json.WriteStartArray("notCompared");
            foreach (var line in report.Unmatched)
                json.WriteStringValue(line);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteComparison(Utf8JsonWriter json, GateComparison c)
    {
        var r = c.Result;
        json.WriteStartObject();
        json.WriteString("device", c.Device);
        json.WriteString("workload", c.Workload);
        json.WriteString("precision", c.Precision);
        json.WriteNumber("threads", c.Threads);
        json.WriteString("metric", c.Metric);
        json.WriteString("unit", c.Unit);
        json.WriteString("kind", c.Kind == ComparisonKind.Samples ? "samples" : "singleValue");
        json.WriteString("comparabilityKey", c.ComparabilityKey);
        json.WriteString("baselineRunId", c.BaselineRunId);
        json.WriteString("candidateRunId", c.CandidateRunId);
        json.WriteString("verdict", r.Verdict switch
        {
            Verdict.Regression => "regression",
            Verdict.Improvement => "improvement",
            Verdict.Inconclusive => "inconclusive",
            _ => "noChange",
        });
        json.WriteBoolean("lowerIsBetter", r.Evidence.LowerIsBetter);
        WriteSide(json, "baseline", c.BaselineMedian, c.BaselineSamples);
        WriteSide(json, "candidate", c.CandidateMedian, c.CandidateSamples);
        Number(json, "relativeChange", r.RelativeChange);
        Number(json, "absoluteChange", r.Evidence.AbsoluteChange);
        if (r.RelativeChangeInterval is { } ci)
        {
            json.WriteStartObject("interval");
            json.WriteNumber("level", ci.Level);
            Number(json, "lower", ci.Lower);
            Number(json, "upper", ci.Upper);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("interval");
        }
        Number(json, "pValue", r.PValue);
        Number(json, "relativeThreshold", r.Evidence.RelativeThreshold);
        Number(json, "absoluteThreshold", r.Evidence.AbsoluteThreshold);
        if (r.AdditionalSamplesPerSide is { } more)
            json.WriteNumber("additionalSamplesPerSide", more);
        else
            json.WriteNull("additionalSamplesPerSide");
        json.WriteStartArray("flags");
        foreach (var flag in Enum.GetValues<ComparisonFlags>().Where(f => f != ComparisonFlags.None && r.Flags.HasFlag(f)))
            json.WriteStringValue(flag.ToString());
        json.WriteEndArray();
        json.WriteString("method", r.Method);
        json.WriteString("explanation", r.Explain());
        json.WriteEndObject();
    }

    private static void WriteSide(Utf8JsonWriter json, string name, double center, int count)
    {
        json.WriteStartObject(name);
        Number(json, "center", center);
        json.WriteNumber("count", count);
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
            json.WriteNumber(name, v);
        else
            json.WriteNull(name);
    }
}
