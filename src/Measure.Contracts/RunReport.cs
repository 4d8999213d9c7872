namespace Measure.Contracts;

/// <summary>
/// Everything one agent measured while executing one suite on one device. Immutable once stored;
/// uploads are idempotent on <see cref="RunId"/>, which the agent chooses.
/// </summary>
public sealed record RunReport(
    int SchemaVersion,
    Guid RunId,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    DeviceFingerprint Device,
    SuiteRef Suite,
    IReadOnlyList<MetricDeclaration> Metrics,
    IReadOnlyList<WorkloadResult> Workloads,
    IReadOnlyDictionary<string, string>? Labels = null,
    IReadOnlyList<string>? Flags = null,
    IReadOnlyList<PhaseMark>? Phases = null,
    IReadOnlyList<SensorTrace>? SensorTraces = null);
