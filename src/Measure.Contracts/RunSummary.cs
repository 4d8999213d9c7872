namespace Measure.Contracts;

/// <summary>One line of the run list: enough to choose a run without loading its samples.</summary>
public sealed record RunSummary(
    Guid RunId,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string SuiteId,
    int SuiteVersion,
    string DeviceName,
    string CpuModel,
    string AgentVersion,
    int WorkloadCount,
    IReadOnlyDictionary<string, string>? Labels = null);
