using Measure.Server.Components.Dashboards;
using Measure.Storage.Queries;

namespace Measure.Server.Components.Figures;

/// <summary>How results are named in legends and hover text.</summary>
public static class ResultGrouping
{
    public static string KeyOf(ResultRow row, PanelGrouping group) => group switch
    {
        PanelGrouping.Precision => row.Precision,
        PanelGrouping.Workload => row.Workload,
        PanelGrouping.Suite => row.SuiteId,
        _ => row.DeviceName,
    };

    public static string Describe(ResultRow row) => $"{row.Workload} {row.Precision} ×{row.Threads} on {row.DeviceName}";

    /// <summary>The newest result of each (workload, precision, threads, device): what a leaderboard ranks.</summary>
    public static IReadOnlyList<ResultRow> LatestPerSetup(IEnumerable<ResultRow> newestFirst) =>
        newestFirst.DistinctBy(r => (r.Workload, r.Precision, r.Threads, r.DeviceId)).ToList();

    public static string RunLink(Guid runId) => $"runs/{runId}";
}
