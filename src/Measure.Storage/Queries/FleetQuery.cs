using Measure.Storage.Entities;
using Measure.Storage.Fleet;
using Microsoft.EntityFrameworkCore;

namespace Measure.Storage.Queries;

/// <summary>Read-only snapshot of agents, queue and failures for the fleet view.</summary>
public sealed class FleetQuery(MeasureDbContext db, TimeProvider clock)
{
    public const int FailureCount = 20;

    public async Task<FleetOverview> LoadAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var agents = await db.Agents.AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name, DeviceName = a.Device == null ? null : a.Device.Name, a.TagsJson, a.State, a.LastHeartbeatUtc, a.OutboxPending })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var leased = await db.Jobs.AsNoTracking().Where(j => j.State == JobStates.Leased && j.LeasedByAgentId != null)
            .Select(j => new { AgentId = j.LeasedByAgentId!.Value, j.SuiteId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var counts = await db.Jobs.AsNoTracking().GroupBy(j => j.State).Select(g => new { State = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var failures = await db.Jobs.AsNoTracking().Where(j => j.State == JobStates.Failed)
            .OrderByDescending(j => j.FinishedAtUtc).Take(FailureCount)
            .Select(j => new { j.Id, j.SuiteId, j.LeasedByAgentId, j.FinishedAtUtc, j.Attempts, j.LastError })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var names = agents.ToDictionary(a => a.Id, a => a.Name);
        var jobOf = leased.GroupBy(j => j.AgentId).ToDictionary(g => g.Key, g => g.First().SuiteId);
        return new FleetOverview(
            agents.Select(a => new AgentRow(a.Id, a.Name, a.DeviceName, JsonText.ReadTags(a.TagsJson), a.State,
                AgentStatus.Of(a.LastHeartbeatUtc, now), Utc(a.LastHeartbeatUtc), a.OutboxPending, jobOf.GetValueOrDefault(a.Id))).ToList(),
            new[] { JobStates.Queued, JobStates.Leased, JobStates.Completed, JobStates.Failed }
                .ToDictionary(s => s, s => counts.FirstOrDefault(c => c.State == s)?.Count ?? 0),
            failures.Select(f => new FailedJobRow(f.Id, f.SuiteId, f.LeasedByAgentId is { } id ? names.GetValueOrDefault(id) : null,
                Utc(f.FinishedAtUtc), f.Attempts, f.LastError)).ToList());
    }

    private static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
}
