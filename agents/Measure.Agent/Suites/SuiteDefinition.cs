namespace Measure.Agent.Suites;

/// <summary>A parsed, validated suite file: what to run and under which rules.</summary>
public sealed record SuiteDefinition(
    string Id,
    int Version,
    string? Description,
    RunRules Rules,
    IReadOnlyList<WorkloadSpec> Workloads,
    string ContentHash,
    string SourcePath);

/// <summary>How each workload is measured.</summary>
public sealed record RunRules(int WarmupIterations, int Iterations);

/// <summary>
/// One workload entry: its kind, the precisions and thread counts to run it at (null = all cores),
/// and kind-specific parameters.
/// </summary>
public sealed record WorkloadSpec(
    string Kind,
    IReadOnlyList<string> Precisions,
    IReadOnlyList<int?> Threads,
    IReadOnlyDictionary<string, string> Parameters,
    int Line);
