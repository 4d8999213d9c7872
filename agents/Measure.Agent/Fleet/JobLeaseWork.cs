using Measure.Agent.Outbox;
using Measure.Agent.Upload;
using Measure.Contracts;
using Measure.Contracts.Fleet;

namespace Measure.Agent.Fleet;

/// <summary>
/// What every job loop does around a run, whoever runs it (this device, or a phone on a lab host): deliver,
/// heartbeat and lease in turn, keep the lease alive while the run goes on, and after upload complete each
/// delivered run's job.
/// </summary>
public sealed class JobLeaseWork(
    FleetClient fleet,
    RunOutbox outbox,
    OutboxSender sender,
    string agentToken,
    ServeOptions options,
    Func<DeviceFingerprint> device,
    TimeProvider time,
    Action<string> log)
{
    /// <summary>
    /// Deliver the outbox, heartbeat, lease and run jobs until cancelled, <see cref="ServeOptions.MaxJobs"/> jobs
    /// were handled, or <paramref name="runJob"/> returns false; returns the jobs handled.
    /// </summary>
    public async Task<int> RunLoopAsync(Func<JobLease, CancellationToken, Task<bool>> runJob, CancellationToken cancellationToken)
    {
        var jobs = 0;
        try
        {
            while (options.MaxJobs is null || jobs < options.MaxJobs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await DeliverAsync(cancellationToken).ConfigureAwait(false);
                await HeartbeatAsync("idle", cancellationToken).ConfigureAwait(false);
                JobLease? lease = null;
                try
                {
                    lease = await fleet.LeaseAsync(new LeaseRequest(options.VisibilitySeconds), cancellationToken).ConfigureAwait(false);
                }
                catch (FleetException ex)
                {
                    log($"lease failed: {ex.Message}");
                }
                if (lease is null)
                {
                    await Task.Delay(options.PollInterval, time, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                jobs++;
                if (!await runJob(lease, cancellationToken).ConfigureAwait(false))
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            log("stopping");
        }
        return jobs;
    }

    /// <summary>A failed heartbeat is logged, not thrown: the next poll tries again.</summary>
    public async Task HeartbeatAsync(string state, CancellationToken cancellationToken)
    {
        try
        {
            await fleet.HeartbeatAsync(new HeartbeatRequest(device(), state, outbox.Pending().Count), cancellationToken).ConfigureAwait(false);
        }
        catch (FleetException ex)
        {
            log($"heartbeat failed: {ex.Message}");
        }
    }

    /// <summary>Renews every third of the visibility; a 409 means another agent owns the job now, so the run stops.</summary>
    public async Task KeepLeaseAsync(JobLease lease, CancellationTokenSource leaseLost, CancellationToken stop)
    {
        var period = TimeSpan.FromSeconds(Math.Max(1, options.VisibilitySeconds / 3.0));
        try
        {
            while (true)
            {
                await Task.Delay(period, time, stop).ConfigureAwait(false);
                try
                {
                    if (await fleet.RenewAsync(lease.JobId, new RenewRequest(lease.LeaseId, options.VisibilitySeconds), stop).ConfigureAwait(false) is null)
                    {
                        await leaseLost.CancelAsync().ConfigureAwait(false);
                        return;
                    }
                }
                catch (FleetException ex)
                {
                    log($"job {lease.JobId}: renewal failed ({ex.Message}); trying again");
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run ended: nothing left to keep.
        }
    }

    /// <summary>Uploads the outbox, then completes the job of every run the server confirmed.</summary>
    public async Task DeliverAsync(CancellationToken cancellationToken)
    {
        if (outbox.Pending().Count == 0)
            return;
        var summary = await sender.DrainAsync(fleet.Server, agentToken, log, cancellationToken).ConfigureAwait(false);
        foreach (var entry in summary.Delivered.Where(e => e.Job is not null))
        {
            try
            {
                await fleet.CompleteAsync(entry.Job!.JobId, new CompleteJobRequest(entry.Job.LeaseId, entry.RunId), cancellationToken).ConfigureAwait(false);
                log($"job {entry.Job!.JobId}: completed with run {entry.RunId}");
            }
            catch (FleetException ex)
            {
                log($"job {entry.Job!.JobId}: run {entry.RunId} is stored but completing the job failed ({ex.Message})");
            }
        }
    }

    /// <summary>Tells the server the job failed, best effort: if the server cannot be told, the lease expires.</summary>
    public async Task FailJobAsync(JobLease lease, string reason)
    {
        log($"job {lease.JobId}: {reason}");
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await fleet.FailAsync(lease.JobId, new FailJobRequest(lease.LeaseId, reason), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FleetException or OperationCanceledException)
        {
            log($"job {lease.JobId}: reporting the failure failed ({ex.Message}); the lease will expire");
        }
    }
}
