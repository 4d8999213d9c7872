using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Measure.Contracts;

namespace Measure.Imports;

/// <summary>
/// BenchmarkDotNet's full JSON report: one workload per benchmark case, whose samples are the actual workload
/// iterations (IterationMode Workload, IterationStage Actual) in nanoseconds per operation, overhead not subtracted,
/// exactly as measured. Allocated bytes per operation, when the memory diagnoser ran, become a single value.
/// </summary>
public static partial class BenchmarkDotNetImporter
{
    public const string Format = "benchmarkdotnet";

    public static readonly MetricDeclaration TimePerOperation = new(
        "time_per_op", "ns", MetricDirection.LowerIsBetter, MetricAggregation.Median, "Nanoseconds per operation of one actual workload iteration.");

    public static readonly MetricDeclaration AllocatedPerOperation = new(
        "allocated_per_op", MetricUnits.Bytes, MetricDirection.LowerIsBetter, MetricAggregation.Last, "Managed bytes allocated per operation.");

    public static bool Recognizes(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Benchmarks", out _) && root.TryGetProperty("HostEnvironmentInfo", out _);

    public static RunReport Import(ImportSource source, JsonElement root, DateTimeOffset now)
    {
        var workloads = new List<WorkloadResult>();
        var withoutMeasurements = new List<string>();
        if (root.GetProperty("Benchmarks").ValueKind != JsonValueKind.Array)
            throw new ImportException($"{source.Path}: 'Benchmarks' is not an array; expected a BenchmarkDotNet full JSON report");
        foreach (var benchmark in root.GetProperty("Benchmarks").EnumerateArray())
        {
            var name = JsonFields.String(benchmark, "FullName") ?? Join(JsonFields.String(benchmark, "Type"), JsonFields.String(benchmark, "Method"));
            if (string.IsNullOrWhiteSpace(name))
                throw new ImportException($"{source.Path}: a benchmark has neither FullName nor Type and Method");
            var samples = ActualIterations(benchmark);
            if (samples.Count == 0)
            {
                withoutMeasurements.Add(name);
                continue;
            }
            var values = new List<MetricValue>();
            if (benchmark.TryGetProperty("Memory", out var memory) && JsonFields.Number(memory, "BytesAllocatedPerOperation") is { } allocated)
                values.Add(new MetricValue(AllocatedPerOperation.Name, allocated, Source: "BenchmarkDotNet MemoryDiagnoser"));
            workloads.Add(new WorkloadResult(
                name,
                "default",
                JsonFields.String(benchmark, "HardwareIntrinsics") is { Length: > 0 } isa ? isa : ImportedRun.Unknown,
                1,
                Parameters(benchmark),
                [new SampleSeries(TimePerOperation.Name, samples)],
                values.Count == 0 ? null : values));
        }
        if (workloads.Count == 0)
        {
            throw new ImportException(withoutMeasurements.Count > 0
                ? $"{source.Path}: no benchmark carries Measurements; expected the full JSON exporter (JsonExporter.Full, *-report-full.json), not the brief one"
                : $"{source.Path}: the report holds no benchmarks");
        }
        if (withoutMeasurements.Count > 0)
            throw new ImportException($"{source.Path}: benchmarks without measurements: {string.Join(", ", withoutMeasurements)}; expected every benchmark of a full JSON report to carry them");

        var host = root.GetProperty("HostEnvironmentInfo");
        var started = StartTime(JsonFields.String(root, "Title")) ?? source.ModifiedAt;
        return ImportedRun.Build(source, Format, started, started, Device(host), [TimePerOperation, AllocatedPerOperation], workloads, now,
            JsonFields.String(host, "BenchmarkDotNetVersion") is { } version ? new Dictionary<string, string> { ["benchmarkdotnet"] = version } : null);
    }

    private static List<double> ActualIterations(JsonElement benchmark)
    {
        var samples = new List<double>();
        if (!benchmark.TryGetProperty("Measurements", out var measurements) || measurements.ValueKind != JsonValueKind.Array)
            return samples;
        foreach (var m in measurements.EnumerateArray())
        {
            if (JsonFields.String(m, "IterationMode") != "Workload" || JsonFields.String(m, "IterationStage") != "Actual")
                continue;
            if (JsonFields.Number(m, "Nanoseconds") is { } ns && JsonFields.Number(m, "Operations") is { } ops && ops > 0 && double.IsFinite(ns) && ns >= 0)
                samples.Add(ns / ops);
        }
        return samples;
    }

    // BenchmarkDotNet prints parameters as "A=1&B=x" (or "A=1, B=x" in older versions).
    private static Dictionary<string, string> Parameters(JsonElement benchmark)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in (JsonFields.String(benchmark, "Parameters") ?? "").Split(['&', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
                parameters[part[..equals]] = part[(equals + 1)..];
        }
        if (JobName(JsonFields.String(benchmark, "DisplayInfo")) is { } job)
            parameters["job"] = job;
        return parameters;
    }

    // "Type.Method: DefaultJob [N=10]" -> "DefaultJob"
    private static string? JobName(string? displayInfo)
    {
        if (displayInfo is null)
            return null;
        var colon = displayInfo.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0)
            return null;
        var job = displayInfo[(colon + 2)..];
        var bracket = job.IndexOf(" [", StringComparison.Ordinal);
        return (bracket >= 0 ? job[..bracket] : job).Trim() is { Length: > 0 } name ? name : null;
    }

    private static DeviceFingerprint? Device(JsonElement host)
    {
        var cpu = JsonFields.String(host, "ProcessorName");
        if (string.IsNullOrWhiteSpace(cpu))
            return null;
        return new DeviceFingerprint(
            JsonFields.String(host, "OsVersion") ?? ImportedRun.Unknown,
            ImportedRun.Unknown,
            JsonFields.String(host, "Architecture") ?? ImportedRun.Unknown,
            cpu.Trim(),
            (int)(JsonFields.Number(host, "LogicalCoreCount") ?? 1),
            [],
            0,
            JsonFields.String(host, "RuntimeVersion") ?? ImportedRun.Unknown,
            $"BenchmarkDotNet {JsonFields.String(host, "BenchmarkDotNetVersion") ?? ImportedRun.Unknown}");
    }

    // The title ends with the local start time, "Name-20240131-154501"; its zone is not recorded, so it is read as UTC.
    private static DateTimeOffset? StartTime(string? title)
    {
        var match = title is null ? null : TitleTime().Match(title);
        return match is { Success: true } && DateTime.TryParseExact(match.Groups[1].Value, "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? new DateTimeOffset(time, TimeSpan.Zero)
            : null;
    }

    private static string Join(string? type, string? method) => type is null || method is null ? "" : $"{type}.{method}";

    [GeneratedRegex(@"(\d{8}-\d{6})$")]
    private static partial Regex TitleTime();
}
