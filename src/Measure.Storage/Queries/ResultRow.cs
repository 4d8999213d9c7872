using Measure.Contracts;

namespace Measure.Storage.Queries;

/// <summary>
/// One stored workload result as dashboards see it: its run, device and per-metric summaries, never raw samples.
/// <see cref="Metrics"/> are the run's declarations (unit, direction), shared between rows of equal declarations.
/// </summary>
public sealed record ResultRow(
    Guid RunId,
    DateTime StartedAtUtc,
    long DeviceId,
    string DeviceName,
    string SuiteId,
    string Workload,
    string Precision,
    int Threads,
    string ComparabilityKey,
    IReadOnlyList<MetricSummary> Summaries,
    IReadOnlyList<MetricDeclaration> Metrics,
    DeviceLimits? Limits)
{
    public MetricSummary? Summary(string metric)
    {
        foreach (var summary in Summaries)
        {
            if (summary.Metric == metric)
                return summary;
        }
        return null;
    }

    public MetricDeclaration? Declaration(string metric)
    {
        foreach (var declaration in Metrics)
        {
            if (declaration.Name == metric)
                return declaration;
        }
        return null;
    }
}
