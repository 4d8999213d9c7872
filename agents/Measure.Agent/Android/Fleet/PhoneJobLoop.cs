using Measure.Agent.Android.Adb;
using Measure.Agent.Android.Phone;
using Measure.Agent.Fleet;
using Measure.Agent.Outbox;
using Measure.Agent.Suites;
using Measure.Agent.Upload;
using Measure.Contracts;
using Measure.Contracts.Fleet;

namespace Measure.Agent.Android.Fleet;

/// <summary>Runs one phone's suite: the suite, its YAML and the job labels.</summary>
public delegate RunReport PhoneSuiteExecutor(SuiteDefinition suite, string suiteYaml, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken);

/// <summary>
/// One phone's job loop, run by the lab host with the phone's own credential and outbox: heartbeat, lease, run
/// on the phone, outbox, upload, complete. Any failure of the run (preconditions, unplugged phone, engine error)
/// fails the lease so the job returns to the queue, and nothing of that run reaches the outbox. The loop ends
/// when cancelled (the phone left <c>adb devices</c>) or when the phone disconnects mid-run.
/// </summary>
public sealed class PhoneJobLoop(
    PhoneIdentity phone,
    FleetClient fleet,
    RunOutbox outbox,
    OutboxSender sender,
    string agentToken,
    PhoneSuiteExecutor execute,
    ServeOptions options,
    TimeProvider time,
    Action<string> log)
{
    private readonly JobLeaseWork work = new(fleet, outbox, sender, agentToken, options, () => phone.Device, time, message => log($"phone {phone.Serial}: {message}"));

    /// <summary>Jobs handled until cancelled, disconnected or <see cref="ServeOptions.MaxJobs"/>.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken) => work.RunLoopAsync(RunJobAsync, cancellationToken);

    /// <summary>False when the phone disconnected: its loop ends until the host sees it again.</summary>
    private async Task<bool> RunJobAsync(JobLease lease, CancellationToken cancellationToken)
    {
        log($"phone {phone.Serial}: job {lease.JobId} leased");
        SuiteDefinition suite;
        try
        {
            suite = SuiteParser.Parse(lease.SuiteYaml, $"job-{lease.JobId:D}.yaml");
        }
        catch (SuiteFormatException ex)
        {
            await work.FailJobAsync(lease, $"invalid suite: {ex.Message}").ConfigureAwait(false);
            return true;
        }
        using var stopRenewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = work.KeepLeaseAsync(lease, leaseLost, stopRenewing.Token);
        RunReport report;
        try
        {
            await work.HeartbeatAsync("running", cancellationToken).ConfigureAwait(false);
            var labels = new Dictionary<string, string>(lease.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal) { ["job_id"] = lease.JobId.ToString("D") };
            report = await Task.Run(() => execute(suite, lease.SuiteYaml, labels, leaseLost.Token), CancellationToken.None).ConfigureAwait(false);
        }
        catch (PhoneDisconnectedException ex)
        {
            await work.FailJobAsync(lease, $"run failed: {ex.Message}").ConfigureAwait(false);
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            log($"phone {phone.Serial}: job {lease.JobId}: lease lost, run abandoned");
            return true;
        }
        catch (OperationCanceledException)
        {
            await work.FailJobAsync(lease, $"phone {phone.Serial} left the host during the run").ConfigureAwait(false);
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await work.FailJobAsync(lease, $"run failed: {ex.Message}").ConfigureAwait(false);
            return true;
        }
        finally
        {
            await stopRenewing.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);
        }
        outbox.Add(report, new JobTicket(lease.JobId, lease.LeaseId));
        log($"phone {phone.Serial}: job {lease.JobId}: run {report.RunId} in the outbox");
        await work.DeliverAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
