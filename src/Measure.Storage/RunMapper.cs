using System.Text.Json;
using Measure.Contracts;
using Measure.Storage.Entities;

namespace Measure.Storage;

/// <summary>Translates between the wire report and its rows, losslessly in both directions.</summary>
internal static class RunMapper
{
    private static MeasureJsonContext Json => MeasureJson.Context;

    public static RunEntity ToEntity(RunReport report, long deviceId, string reportHash, DateTimeOffset receivedAt) => new()
    {
        Id = report.RunId,
        DeviceId = deviceId,
        SchemaVersion = report.SchemaVersion,
        SuiteId = report.Suite.Id,
        SuiteVersion = report.Suite.Version,
        SuiteHash = report.Suite.ContentHash,
        AgentVersion = report.Device.AgentVersion,
        StartedAtUtc = report.StartedAt.UtcDateTime,
        FinishedAtUtc = report.FinishedAt.UtcDateTime,
        ReceivedAtUtc = receivedAt.UtcDateTime,
        ReportHash = reportHash,
        DeviceJson = JsonSerializer.Serialize(report.Device, Json.DeviceFingerprint),
        MetricsJson = JsonSerializer.Serialize(report.Metrics, Json.IReadOnlyListMetricDeclaration),
        LabelsJson = report.Labels is null ? null : JsonSerializer.Serialize(report.Labels, Json.IReadOnlyDictionaryStringString),
        FlagsJson = report.Flags is null ? null : JsonSerializer.Serialize(report.Flags, Json.IReadOnlyListString),
        PhasesJson = report.Phases is null ? null : JsonSerializer.Serialize(report.Phases, Json.IReadOnlyListPhaseMark),
        WorkloadCount = report.Workloads.Count,
        Labels = (report.Labels ?? new Dictionary<string, string>()).Select(l => new RunLabelEntity { Key = l.Key, Value = l.Value }).ToList(),
        Workloads = report.Workloads.Select((w, i) => new WorkloadResultEntity
        {
            Ordinal = i,
            Workload = w.Workload,
            Precision = w.Precision,
            Isa = w.Isa,
            Threads = w.Threads,
            ComparabilityKey = ComparabilityKey.Compute(w, report.Device, report.Suite),
            ParametersJson = JsonSerializer.Serialize(w.Parameters, Json.IReadOnlyDictionaryStringString),
            ValuesJson = w.Values is null ? null : JsonSerializer.Serialize(w.Values, Json.IReadOnlyListMetricValue),
            FlagsJson = w.Flags is null ? null : JsonSerializer.Serialize(w.Flags, Json.IReadOnlyListString),
            SummaryJson = WorkloadSummaries.Serialize(WorkloadSummaries.Compute(w)),
            Samples = w.Samples.Select((s, k) => new SampleSeriesEntity
            {
                Ordinal = k,
                Metric = s.Metric,
                Count = s.Values.Count,
                Data = SampleCodec.Encode(s.Values),
            }).ToList(),
        }).ToList(),
        SensorTraces = (report.SensorTraces ?? []).Select((t, i) => new SensorTraceEntity
        {
            Ordinal = i,
            Sensor = t.Sensor,
            Kind = t.Kind,
            Unit = t.Unit,
            Source = t.Source,
            Count = t.Values.Count,
            Times = SampleCodec.Encode(t.TimesSeconds),
            Values = SampleCodec.Encode(t.Values),
        }).ToList(),
    };

    /// <summary>
    /// A new, untracked row graph with the same content on <paramref name="deviceId"/>, so every insert attempt
    /// starts clean (EF writes generated keys into the entities it saves, even when the save then fails).
    /// The packed samples and JSON texts are immutable and shared, not copied.
    /// </summary>
    public static RunEntity CopyForInsert(RunEntity run, long deviceId) => new()
    {
        Id = run.Id,
        DeviceId = deviceId,
        SchemaVersion = run.SchemaVersion,
        SuiteId = run.SuiteId,
        SuiteVersion = run.SuiteVersion,
        SuiteHash = run.SuiteHash,
        AgentVersion = run.AgentVersion,
        StartedAtUtc = run.StartedAtUtc,
        FinishedAtUtc = run.FinishedAtUtc,
        ReceivedAtUtc = run.ReceivedAtUtc,
        ReportHash = run.ReportHash,
        DeviceJson = run.DeviceJson,
        MetricsJson = run.MetricsJson,
        LabelsJson = run.LabelsJson,
        FlagsJson = run.FlagsJson,
        PhasesJson = run.PhasesJson,
        WorkloadCount = run.WorkloadCount,
        UploadedByAgentId = run.UploadedByAgentId,
        Labels = run.Labels.Select(l => new RunLabelEntity { Key = l.Key, Value = l.Value }).ToList(),
        Workloads = run.Workloads.Select(w => new WorkloadResultEntity
        {
            Ordinal = w.Ordinal,
            Workload = w.Workload,
            Precision = w.Precision,
            Isa = w.Isa,
            Threads = w.Threads,
            ComparabilityKey = w.ComparabilityKey,
            ParametersJson = w.ParametersJson,
            ValuesJson = w.ValuesJson,
            FlagsJson = w.FlagsJson,
            SummaryJson = w.SummaryJson,
            Samples = w.Samples.Select(s => new SampleSeriesEntity { Ordinal = s.Ordinal, Metric = s.Metric, Count = s.Count, Data = s.Data }).ToList(),
        }).ToList(),
        SensorTraces = run.SensorTraces.Select(t => new SensorTraceEntity
        {
            Ordinal = t.Ordinal,
            Sensor = t.Sensor,
            Kind = t.Kind,
            Unit = t.Unit,
            Source = t.Source,
            Count = t.Count,
            Times = t.Times,
            Values = t.Values,
        }).ToList(),
    };

    public static RunReport ToReport(RunEntity run) => new(
        SchemaVersion: run.SchemaVersion,
        RunId: run.Id,
        StartedAt: AsUtc(run.StartedAtUtc),
        FinishedAt: AsUtc(run.FinishedAtUtc),
        Device: Deserialize(run.DeviceJson, Json.DeviceFingerprint),
        Suite: new SuiteRef(run.SuiteId, run.SuiteVersion, run.SuiteHash),
        Metrics: Deserialize(run.MetricsJson, Json.IReadOnlyListMetricDeclaration),
        Workloads: run.Workloads.OrderBy(w => w.Ordinal).Select(w => new WorkloadResult(
            w.Workload,
            w.Precision,
            w.Isa,
            w.Threads,
            Deserialize(w.ParametersJson, Json.IReadOnlyDictionaryStringString),
            w.Samples.OrderBy(s => s.Ordinal).Select(s => new SampleSeries(s.Metric, SampleCodec.Decode(s.Data))).ToList(),
            ReadValues(w.ValuesJson),
            w.FlagsJson is null ? null : Deserialize(w.FlagsJson, Json.IReadOnlyListString))).ToList(),
        Labels: run.LabelsJson is null ? null : Deserialize(run.LabelsJson, Json.IReadOnlyDictionaryStringString),
        Flags: run.FlagsJson is null ? null : Deserialize(run.FlagsJson, Json.IReadOnlyListString),
        Phases: run.PhasesJson is null ? null : Deserialize(run.PhasesJson, Json.IReadOnlyListPhaseMark),
        SensorTraces: run.SensorTraces.Count == 0
            ? null
            : run.SensorTraces.OrderBy(t => t.Ordinal)
                .Select(t => new SensorTrace(t.Sensor, t.Kind, t.Unit, t.Source, SampleCodec.Decode(t.Times), SampleCodec.Decode(t.Values)))
                .ToList());

    public static RunSummary ToSummary(RunEntity run, DeviceEntity device) => new(
        run.Id,
        AsUtc(run.StartedAtUtc),
        AsUtc(run.FinishedAtUtc),
        run.SuiteId,
        run.SuiteVersion,
        device.Name,
        device.CpuModel,
        run.AgentVersion,
        run.WorkloadCount,
        run.LabelsJson is null ? null : Deserialize(run.LabelsJson, Json.IReadOnlyDictionaryStringString));

    public static IReadOnlyList<MetricValue>? ReadValues(string? json) =>
        json is null ? null : Deserialize(json, Json.IReadOnlyListMetricValue);

    private static DateTimeOffset AsUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static T Deserialize<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(json, type) ?? throw new InvalidDataException($"Stored JSON for {typeof(T).Name} is null.");
}
