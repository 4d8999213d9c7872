using System.Text.Json;
using Measure.Contracts;
using Measure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Measure.Storage.Fleet;

/// <summary>Enrolled agents: their inventory (device, tags) and heartbeats.</summary>
public sealed class AgentRegistry(MeasureDbContext db, RunStore runs, TimeProvider clock)
{
    public async Task<AgentEntity> AddAsync(Guid agentId, string name, string tokenId, DeviceFingerprint device, IEnumerable<string> tags, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var deviceRow = await runs.UpsertDeviceAsync(device, now, cancellationToken).ConfigureAwait(false);
        var agent = new AgentEntity
        {
            Id = agentId,
            Name = name,
            TokenId = tokenId,
            DeviceId = deviceRow.Id,
            TagsJson = JsonText.Tags(tags),
            FingerprintJson = JsonSerializer.Serialize(device, MeasureJson.Context.DeviceFingerprint),
            State = "enrolled",
            EnrolledAtUtc = now.UtcDateTime,
            LastHeartbeatUtc = now.UtcDateTime,
        };
        db.Agents.Add(agent);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return agent;
    }

    public async Task<bool> HeartbeatAsync(Guid agentId, DeviceFingerprint device, string state, int outboxPending, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var fingerprint = JsonSerializer.Serialize(device, MeasureJson.Context.DeviceFingerprint);
        var updated = await db.Agents.Where(a => a.Id == agentId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.LastHeartbeatUtc, now)
                .SetProperty(a => a.State, state)
                .SetProperty(a => a.OutboxPending, outboxPending)
                .SetProperty(a => a.FingerprintJson, fingerprint), cancellationToken).ConfigureAwait(false);
        return updated == 1;
    }

    public Task<AgentEntity?> FindAsync(Guid agentId, CancellationToken cancellationToken) =>
        db.Agents.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agentId, cancellationToken);

    public async Task<IReadOnlyList<AgentEntity>> ListAsync(CancellationToken cancellationToken) =>
        await db.Agents.AsNoTracking().Include(a => a.Device).OrderBy(a => a.Name).ToListAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Agents carrying every one of <paramref name="tags"/> (for fanning a job out to each of them).</summary>
    public async Task<IReadOnlyList<Guid>> MatchingAsync(IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        var agents = await db.Agents.AsNoTracking().Select(a => new { a.Id, a.TagsJson }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return agents.Where(a => tags.All(JsonText.ReadTags(a.TagsJson).Contains)).Select(a => a.Id).ToList();
    }

    public static IReadOnlyList<string> Tags(AgentEntity agent) => JsonText.ReadTags(agent.TagsJson);

    public Task<int> OnlineCountAsync(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime - AgentStatus.OnlineWithin;
        return db.Agents.CountAsync(a => a.LastHeartbeatUtc >= since, cancellationToken);
    }
}
