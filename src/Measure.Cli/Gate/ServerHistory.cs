using Measure.Cli.Server;
using Measure.Contracts;

namespace Measure.Cli.Gate;

/// <summary>
/// Fetches earlier runs of each baseline's suite on the same CPU model (and the same labels, e.g. branch=main, when
/// the baseline came from a query) so the gate can learn each device's run-to-run noise.
/// </summary>
public static class ServerHistory
{
    public static async Task<IReadOnlyList<RunReport>> FetchAsync(
        MeasureServerClient server, IReadOnlyList<RunReport> baselines, IReadOnlyDictionary<string, string>? labels, int runsPerDevice,
        IReadOnlySet<Guid> excluded, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentOutOfRangeException.ThrowIfNegative(runsPerDevice);
        var wanted = new List<Guid>();
        foreach (var baseline in baselines.DistinctBy(b => (b.Suite.Id, b.Device.CpuModel)))
        {
            var page = await server.ListRunsAsync(new RunFilter(baseline.Suite.Id, null, labels), MeasureServerClient.MaxPageSize, null, cancellationToken).ConfigureAwait(false);
            wanted.AddRange(page.Items
                .Where(r => r.CpuModel == baseline.Device.CpuModel && r.StartedAt <= baseline.StartedAt && !excluded.Contains(r.RunId))
                .Take(runsPerDevice)
                .Select(r => r.RunId));
        }
        var runs = new List<RunReport>();
        foreach (var id in wanted.Distinct())
            runs.Add(await server.GetRunAsync(id, cancellationToken).ConfigureAwait(false));
        return runs;
    }
}
