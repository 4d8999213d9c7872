using Measure.Agent.Outbox;
using Measure.Agent.Running;
using Measure.Agent.Suites;
using Measure.Agent.Upload;
using Measure.Contracts;
using Measure.Contracts.Fleet;

namespace Measure.Agent.Fleet;

/// <summary>How <c>measure-agent serve</c> paces itself.</summary>
/// <param name="PollInterval">Wait between lease attempts when the server has no job (and between heartbeats).</param>
/// <param name="VisibilitySeconds">Lease length asked for; renewed every third of it while the job runs.</param>
/// <param name="MaxJobs">Stop after this many jobs (null: run until stopped).</param>
public sealed record ServeOptions(TimeSpan PollInterval, int VisibilitySeconds = 300, int? MaxJobs = null);

/// <summary>Runs a suite the server sent and returns its report (the run protocol with sensors in production).</summary>
public delegate RunReport SuiteExecutor(SuiteDefinition suite, IReadOnlyDictionary<string, string>? labels, CancellationToken cancellationToken);

/// <summary>
/// The job loop: deliver the outbox, heartbeat, lease a job, run it while renewing the lease, put the
/// report in the outbox, upload it, complete the job; then the next. Server trouble is logged and
/// retried on the next poll: nothing a server outage does can lose a finished run.
/// </summary>
public sealed class ServeLoop(
    FleetClient fleet,
    RunOutbox outbox,
    OutboxSender sender,
    string agentToken,
    Func<DeviceFingerprint> device,
    SuiteExecutor execute,
    ServeOptions options,
    TimeProvider time,
    Action<string> log)
{
    private readonly JobLeaseWork work = new(fleet, outbox, sender, agentToken, options, device, time, log);

    /// <summary>Runs until cancelled or <see cref="ServeOptions.MaxJobs"/> jobs were handled; returns the jobs handled.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken) =>
        work.RunLoopAsync(async (lease, token) =>
        {
            await RunJobAsync(lease, token).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    private async Task RunJobAsync(JobLease lease, CancellationToken cancellationToken)
    {
        log($"job {lease.JobId}: leased until {lease.ExpiresAt:O}");
        SuiteDefinition suite;
        try
        {
            suite = SuiteParser.Parse(lease.SuiteYaml, $"job-{lease.JobId:D}.yaml");
            WorkloadFactory.Validate(suite);
        }
        catch (SuiteFormatException ex)
        {
            await work.FailJobAsync(lease, $"invalid suite: {ex.Message}").ConfigureAwait(false);
            return;
        }

        using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopRenewing = new CancellationTokenSource();
        var renewing = work.KeepLeaseAsync(lease, leaseLost, stopRenewing.Token);
        RunReport report;
        try
        {
            await work.HeartbeatAsync("running", cancellationToken).ConfigureAwait(false);
            var labels = new Dictionary<string, string>(lease.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal) { ["job_id"] = lease.JobId.ToString("D") };
            report = await Task.Run(() => execute(suite, labels, leaseLost.Token), CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            log($"job {lease.JobId}: lease lost, run abandoned (another agent has the job)");
            return;
        }
        catch (OperationCanceledException)
        {
            await work.FailJobAsync(lease, "the agent was stopped during the run").ConfigureAwait(false);
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await work.FailJobAsync(lease, $"run failed: {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
            return;
        }
        finally
        {
            await stopRenewing.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);
        }

        // On disk before any upload: from here on the run survives a crash, a reboot or a server outage.
        outbox.Add(report, new JobTicket(lease.JobId, lease.LeaseId));
        log($"job {lease.JobId}: run {report.RunId} finished, in the outbox");
        await work.DeliverAsync(cancellationToken).ConfigureAwait(false);
    }
}
