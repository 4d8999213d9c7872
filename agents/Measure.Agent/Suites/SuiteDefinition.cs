namespace Measure.Agent.Suites;

/// <summary>A parsed, validated suite file: what to run and under which rules.</summary>
/// <param name="ContentHash">SHA-256 of the whole file (line endings normalized), so every block, preconditions included, is covered.</param>
/// <param name="Preconditions">The phone state the suite requires, or null when it has no <c>preconditions:</c> block.</param>
public sealed record SuiteDefinition(
    string Id,
    int Version,
    string? Description,
    RunRules Rules,
    IReadOnlyList<WorkloadSpec> Workloads,
    string ContentHash,
    string SourcePath,
    SuitePreconditions? Preconditions = null);

/// <summary>
/// How each workload is measured: warm-up until steady (within bounds), then timed iterations until
/// both the count and the duration are reached; a cooldown before each workload; an idle baseline
/// before the first; sensors sampled at <see cref="SampleRateHz"/> throughout.
/// </summary>
public sealed record RunRules(
    WarmupRules Warmup,
    int MinIterations,
    double MinDurationSeconds,
    CooldownRules Cooldown,
    double IdleSeconds = 2,
    double SampleRateHz = 10)
{
    /// <summary>The skeleton's rules: a fixed warm-up count and a fixed iteration count.</summary>
    public static RunRules Fixed(int warmupIterations, int iterations) =>
        new(new WarmupRules(warmupIterations, warmupIterations), iterations, 0, CooldownRules.Default);
}

/// <summary>Warm-up bounds for the steady-state detector (min = max gives a fixed warm-up).</summary>
public sealed record WarmupRules(int Min, int Max, int Window = 5, double RelativeTolerance = 0.02);

/// <summary>Wait before a workload until the hottest zone is within <see cref="MarginCelsius"/> of idle, at most <see cref="MaxSeconds"/>.</summary>
public sealed record CooldownRules(double MarginCelsius, double MaxSeconds)
{
    public static CooldownRules Default { get; } = new(3, 120);
}

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
