using Measure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Measure.Storage.Fleet;

/// <summary>
/// The job queue. Every state change is one conditional UPDATE (compare-and-set on state, lease and expiry),
/// so concurrent agents and several server instances on one database never hold the same job at once.
/// </summary>
public sealed class JobQueue(MeasureDbContext db, TimeProvider clock)
{
    public const int DefaultMaxAttempts = 3;
    private const int CandidatesPerLease = 50;

    public async Task<IReadOnlyList<Guid>> CreateAsync(string suiteYaml, string suiteId, IReadOnlyList<string> selectorTags,
        IReadOnlyList<Guid?> agentTargets, int priority, IReadOnlyDictionary<string, string>? labels, Guid? scheduleId,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var jobs = agentTargets.Select(agent => new JobEntity
        {
            Id = Guid.NewGuid(),
            SuiteYaml = suiteYaml,
            SuiteId = suiteId,
            SelectorTagsJson = JsonText.Tags(selectorTags),
            SelectorAgentId = agent,
            Priority = priority,
            LabelsJson = JsonText.Labels(labels),
            State = JobStates.Queued,
            MaxAttempts = DefaultMaxAttempts,
            CreatedAtUtc = now,
            ScheduleId = scheduleId,
        }).ToList();
        db.Jobs.AddRange(jobs);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return jobs.Select(j => j.Id).ToList();
    }

    /// <summary>The highest-priority, oldest job this agent may run, now leased to it; null when none.</summary>
    public async Task<JobEntity?> LeaseAsync(Guid agentId, IReadOnlyList<string> agentTags, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.Jobs.AsNoTracking()
            .Where(j => (j.State == JobStates.Queued || (j.State == JobStates.Leased && j.LeaseExpiresUtc < now))
                && (j.SelectorAgentId == null || j.SelectorAgentId == agentId))
            .OrderByDescending(j => j.Priority).ThenBy(j => j.CreatedAtUtc)
            .Take(CandidatesPerLease)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var tags = agentTags.ToHashSet(StringComparer.Ordinal);
        foreach (var job in candidates.Where(j => JsonText.ReadTags(j.SelectorTagsJson).All(tags.Contains)))
        {
            if (job.State == JobStates.Leased && job.Attempts >= job.MaxAttempts)
            {
                await ExpireExhaustedAsync(job, now, cancellationToken).ConfigureAwait(false);
                continue;
            }
            var leaseId = Guid.NewGuid();
            var expires = now + visibility;
            var previousLease = job.LeaseId;
            var won = await db.Jobs
                .Where(j => j.Id == job.Id && j.LeaseId == previousLease
                    && (j.State == JobStates.Queued || (j.State == JobStates.Leased && j.LeaseExpiresUtc < now)))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(j => j.State, JobStates.Leased)
                    .SetProperty(j => j.LeaseId, leaseId)
                    .SetProperty(j => j.LeasedByAgentId, agentId)
                    .SetProperty(j => j.LeaseExpiresUtc, expires)
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1), cancellationToken)
                .ConfigureAwait(false);
            if (won == 1)
                return await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == job.Id, cancellationToken).ConfigureAwait(false);
        }
        return null;
    }

    public async Task<(LeaseOutcome Outcome, DateTime? ExpiresUtc)> RenewAsync(Guid jobId, Guid leaseId, Guid agentId, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + visibility;
        var renewed = await db.Jobs
            .Where(j => j.Id == jobId && j.LeaseId == leaseId && j.LeasedByAgentId == agentId && j.State == JobStates.Leased)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresUtc, expires), cancellationToken).ConfigureAwait(false);
        return renewed == 1 ? (LeaseOutcome.Ok, expires) : (await WhyNotAsync(jobId, agentId, cancellationToken).ConfigureAwait(false), null);
    }

    public async Task<LeaseOutcome> CompleteAsync(Guid jobId, Guid leaseId, Guid agentId, Guid runId, CancellationToken cancellationToken)
    {
        if (!await db.Runs.AnyAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false))
            return LeaseOutcome.RunMissing;
        var now = clock.GetUtcNow().UtcDateTime;
        var done = await db.Jobs
            .Where(j => j.Id == jobId && j.LeaseId == leaseId && j.LeasedByAgentId == agentId && j.State == JobStates.Leased)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobStates.Completed)
                .SetProperty(j => j.RunId, runId)
                .SetProperty(j => j.FinishedAtUtc, now), cancellationToken).ConfigureAwait(false);
        return done == 1 ? LeaseOutcome.Ok : await WhyNotAsync(jobId, agentId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Back to the queue while attempts remain; failed for good after the last one.</summary>
    public async Task<LeaseOutcome> FailAsync(Guid jobId, Guid leaseId, Guid agentId, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var done = await db.Jobs
            .Where(j => j.Id == jobId && j.LeaseId == leaseId && j.LeasedByAgentId == agentId && j.State == JobStates.Leased)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, j => j.Attempts >= j.MaxAttempts ? JobStates.Failed : JobStates.Queued)
                .SetProperty(j => j.LeaseId, (Guid?)null)
                .SetProperty(j => j.LeasedByAgentId, (Guid?)null)
                .SetProperty(j => j.LeaseExpiresUtc, (DateTime?)null)
                .SetProperty(j => j.LastError, reason)
                .SetProperty(j => j.FinishedAtUtc, j => j.Attempts >= j.MaxAttempts ? now : null), cancellationToken).ConfigureAwait(false);
        return done == 1 ? LeaseOutcome.Ok : await WhyNotAsync(jobId, agentId, cancellationToken).ConfigureAwait(false);
    }

    public Task<int> QueuedCountAsync(CancellationToken cancellationToken) =>
        db.Jobs.CountAsync(j => j.State == JobStates.Queued || j.State == JobStates.Leased, cancellationToken);

    private async Task ExpireExhaustedAsync(JobEntity job, DateTime now, CancellationToken cancellationToken) =>
        await db.Jobs
            .Where(j => j.Id == job.Id && j.LeaseId == job.LeaseId && j.State == JobStates.Leased && j.LeaseExpiresUtc < now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobStates.Failed)
                .SetProperty(j => j.LastError, "lease expired on the last attempt")
                .SetProperty(j => j.FinishedAtUtc, now), cancellationToken).ConfigureAwait(false);

    private async Task<LeaseOutcome> WhyNotAsync(Guid jobId, Guid agentId, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken).ConfigureAwait(false);
        // A job pinned to another agent does not exist as far as this agent is concerned.
        if (job is null || (job.SelectorAgentId is { } pinned && pinned != agentId))
            return LeaseOutcome.NotFound;
        return LeaseOutcome.LeaseLost;
    }
}
