using Measure.Contracts.Fleet;
using Measure.Server.Api;
using Measure.Storage;
using Measure.Storage.Fleet;
using Microsoft.EntityFrameworkCore;

namespace Measure.Server.Fleet;

/// <summary>
/// Queues the jobs of due schedules. Each firing advances NextRunUtc with a compare-and-set, so when
/// several server instances share one database exactly one of them queues each occurrence.
/// </summary>
public sealed class ScheduleRunner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ScheduleRunner> logger) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, clock);
        do
        {
            try
            {
                await RunDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Schedules could not be checked; retrying in {Tick}", Tick);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeasureDbContext>();
        var queue = scope.ServiceProvider.GetRequiredService<JobQueue>();
        var registry = scope.ServiceProvider.GetRequiredService<AgentRegistry>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Schedules.AsNoTracking().Where(s => s.Enabled && s.NextRunUtc <= now).ToListAsync(cancellationToken);
        var fired = 0;
        foreach (var schedule in due)
        {
            var next = schedule.NextRunUtc;
            while (next <= now)
                next = next.AddMinutes(schedule.IntervalMinutes);
            var claimed = await db.Schedules.Where(s => s.Id == schedule.Id && s.NextRunUtc == schedule.NextRunUtc)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.NextRunUtc, next), cancellationToken);
            if (claimed != 1)
                continue;
            var tags = JsonText.ReadTags(schedule.SelectorTagsJson);
            var targets = await JobsApi.TargetsAsync(new DeviceSelector(tags, null, schedule.EveryMatchingAgent), registry, cancellationToken);
            if (!SuiteYaml.TryReadId(schedule.SuiteYaml, out var suiteId, out _) || targets.Count == 0)
                continue;
            await queue.CreateAsync(schedule.SuiteYaml, suiteId, tags, targets, schedule.Priority, JsonText.ReadLabels(schedule.LabelsJson), schedule.Id, cancellationToken);
            fired++;
        }
        return fired;
    }
}
