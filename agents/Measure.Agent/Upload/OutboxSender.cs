using Measure.Agent.Outbox;
using Polly;

namespace Measure.Agent.Upload;

/// <summary>What one pass over the outbox achieved.</summary>
public sealed record DrainSummary(
    IReadOnlyList<OutboxEntry> Delivered,
    IReadOnlyList<RejectedEntry> Rejected,
    int Remaining,
    UploadOutcome? StoppedBy)
{
    public bool Complete => Remaining == 0;
}

/// <summary>
/// Uploads the outbox oldest first. Each report is removed only after the server confirmed it, so a
/// crash at any point re-sends at most the one report in flight, which the server de-duplicates on
/// its run id. A transient failure that outlives the retries, or a refused token, stops the pass
/// (the next reports would fail the same way); a refused report moves to rejected/ and the pass goes on.
/// </summary>
public sealed class OutboxSender(RunOutbox outbox, RunUploader uploader, ResiliencePipeline<UploadOutcome> retry)
{
    public async Task<DrainSummary> DrainAsync(Uri server, string token, Action<string>? log, CancellationToken cancellationToken)
    {
        outbox.DeleteInterruptedWrites();
        var delivered = new List<OutboxEntry>();
        var rejected = new List<RejectedEntry>();
        var pending = outbox.Pending();
        for (var i = 0; i < pending.Count; i++)
        {
            var entry = pending[i];
            var json = RunOutbox.ReadReport(entry);
            var outcome = await retry.ExecuteAsync(
                async token2 => await uploader.UploadJsonAsync(server, token, json, token2).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
            switch (outcome.Verdict)
            {
                case UploadVerdict.Delivered:
                    outbox.Remove(entry);
                    delivered.Add(entry);
                    log?.Invoke($"run {entry.RunId} stored on {server}");
                    break;
                case UploadVerdict.Rejected:
                    rejected.Add(outbox.Reject(entry, outcome.ToString()));
                    log?.Invoke($"run {entry.RunId} refused by {server} ({outcome}); kept in {outbox.RejectedDirectory}");
                    break;
                default:
                    log?.Invoke($"upload of run {entry.RunId} stopped ({outcome}); {pending.Count - i} report(s) stay in the outbox");
                    return new DrainSummary(delivered, rejected, pending.Count - i, outcome);
            }
        }
        return new DrainSummary(delivered, rejected, 0, null);
    }
}
