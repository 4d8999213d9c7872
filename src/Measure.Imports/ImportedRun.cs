using Measure.Contracts;

namespace Measure.Imports;

/// <summary>
/// Builds an ordinary <see cref="RunReport"/> from what an importer parsed: suite <c>import:FORMAT</c> with the source
/// file's SHA-256 as content hash, a content-derived run id, and a device that says "unknown" where the file is silent.
/// The report must pass <see cref="RunReportValidator"/>, exactly as an agent's upload must.
/// </summary>
public static class ImportedRun
{
    public const string Unknown = "unknown";
    public const string DeviceUnknownFlag = "device-unknown";

    public static DeviceFingerprint UnknownDevice { get; } =
        new(Unknown, Unknown, Unknown, Unknown, 1, [], 0, Unknown, Unknown);

    public static RunReport Build(
        ImportSource source, string format, DateTimeOffset startedAt, DateTimeOffset finishedAt, DeviceFingerprint? device,
        IReadOnlyList<MetricDeclaration> metrics, IReadOnlyList<WorkloadResult> workloads, DateTimeOffset now,
        IReadOnlyDictionary<string, string>? extraLabels = null)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["source"] = format,
            ["file"] = source.FileName,
        };
        foreach (var (key, value) in extraLabels ?? new Dictionary<string, string>())
            labels[key] = value;
        var flags = new List<string> { "imported" };
        if (device is null)
            flags.Add(DeviceUnknownFlag);
        var report = new RunReport(
            ProtocolVersion.RunReportSchema,
            source.RunId(),
            startedAt,
            finishedAt < startedAt ? startedAt : finishedAt,
            device ?? UnknownDevice,
            new SuiteRef($"import:{format}", 1, source.ContentHash),
            metrics,
            workloads,
            labels,
            flags);
        var errors = RunReportValidator.Validate(report, now);
        if (errors.Count > 0)
            throw new ImportException($"{source.Path}: the imported run breaks the run report rules: {string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"))}");
        return report;
    }
}
