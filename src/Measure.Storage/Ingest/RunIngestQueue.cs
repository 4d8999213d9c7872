using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace Measure.Storage.Ingest;

/// <summary>
/// Group commit for uploads: concurrent requests queue their prepared runs, and ONE writer stores everything
/// waiting in one transaction (<see cref="RunBatchWriter"/>), then answers each request with its own outcome.
/// SQLite has a single writer and every commit is an fsync, so many runs per commit is what lets ingest use the
/// cores instead of waiting on the disk; on PostgreSQL it saves round trips and commits alike.
/// No timer: while one batch is written the next one gathers, so a lone upload is never delayed.
/// </summary>
public sealed class RunIngestQueue : IAsyncDisposable, IDisposable
{
    /// <summary>Runs per transaction at most: about 15 MB of rows for reports of 10,000 samples.</summary>
    public const int MaxBatchRuns = 64;

    /// <summary>
    /// Packed sample bytes per transaction at most (a run bigger than this goes alone): keeps one commit, and the
    /// wait of everyone in it, bounded when uploads carry millions of samples.
    /// </summary>
    public const long MaxBatchPayloadBytes = 32L << 20;

    /// <summary>Runs waiting at most; further uploads wait for room (back pressure instead of unbounded memory).</summary>
    public const int Capacity = 1024;

    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(Capacity) { SingleReader = true });
    private readonly DbContextOptions<MeasureDbContext> database;
    private readonly DeviceCache devices;
    private readonly Task writer;

    /// <summary>
    /// Takes the context options, not a context: the writer builds one per batch, owned by no request scope
    /// and returned to no pool while the write is in flight.
    /// </summary>
    public RunIngestQueue(DbContextOptions<MeasureDbContext> database, DeviceCache devices)
    {
        this.database = database;
        this.devices = devices;
        writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>
    /// Stores <paramref name="run"/> with whatever else is waiting. A caller that gives up (cancellation) before
    /// its run is taken into a batch leaves nothing behind; once taken, the run is stored whole and a retry is
    /// answered AlreadyStored, exactly like any repeated upload.
    /// </summary>
    public async Task<StoreOutcome> StoreAsync(PreparedRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var pending = new Pending(run, cancellationToken);
        try
        {
            await queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException ex)
        {
            throw new InvalidOperationException($"Run {run.RunId} was not stored: the server is shutting down.", ex);
        }
        await using (cancellationToken.Register(static p => ((Pending)p!).Abandon(), pending).ConfigureAwait(false))
            return await pending.Result.Task.ConfigureAwait(false);
    }

    /// <summary>
    /// Stops taking runs and waits until every queued run is written. The host calls this when it stops, while
    /// the container (which the database options need) is still alive; disposing drains too, as a last resort.
    /// </summary>
    public async Task DrainAsync()
    {
        queue.Writer.TryComplete();
        await writer.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await DrainAsync().ConfigureAwait(false);

    public void Dispose() => DrainAsync().GetAwaiter().GetResult();

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatchRuns);
        while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var payload = 0L;
            while (batch.Count < MaxBatchRuns && queue.Reader.TryPeek(out var next)
                && (batch.Count == 0 || payload + next.Run.PayloadBytes <= MaxBatchPayloadBytes)
                && queue.Reader.TryRead(out var pending))
            {
                if (pending.IsAbandoned)
                {
                    pending.Result.TrySetCanceled(pending.Cancellation);
                    continue;
                }
                batch.Add(pending);
                payload += pending.Run.PayloadBytes;
            }
            if (batch.Count > 0)
                await WriteBatchAsync(batch).ConfigureAwait(false);
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        try
        {
            await using var db = new MeasureDbContext(database);
            // Not the callers' tokens: a run taken into a batch is written whole whoever stops waiting for it.
            var results = await new RunBatchWriter(db, devices).WriteAsync(batch.ConvertAll(p => p.Run), CancellationToken.None).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
            {
                if (results[i].Error is { } error)
                    batch[i].Result.TrySetException(error);
                else
                    batch[i].Result.TrySetResult(results[i].Outcome!.Value);
            }
        }
        catch (Exception ex)
        {
            // The batch never reached the writer (no database context, no connection): nothing of it was written.
            foreach (var pending in batch)
                pending.Result.TrySetException(ex);
        }
    }

    private sealed class Pending(PreparedRun run, CancellationToken cancellation)
    {
        private int abandoned;

        public PreparedRun Run { get; } = run;

        public CancellationToken Cancellation { get; } = cancellation;

        // Continuations run on the pool, not on the writer: the writer must get back to writing.
        public TaskCompletionSource<StoreOutcome> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool IsAbandoned => Volatile.Read(ref abandoned) == 1;

        public void Abandon()
        {
            Volatile.Write(ref abandoned, 1);
            Result.TrySetCanceled(Cancellation);
        }
    }
}
