using Measure.Storage.Ingest;

namespace Measure.Server.Ingest;

/// <summary>
/// Writes every queued upload before the process exits. Registered before the web server starts, so it stops
/// after the server has finished its requests and before the container (and the database options) goes away.
/// </summary>
public sealed class IngestQueueDrain(RunIngestQueue queue) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => queue.DrainAsync().WaitAsync(cancellationToken);
}
