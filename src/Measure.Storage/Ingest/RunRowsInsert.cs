using Measure.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Measure.Storage.Ingest;

/// <summary>Inserts whole runs (run, labels, workloads with their sample series, sensor traces) on an open transaction.</summary>
internal sealed class RunRowsInsert : IAsyncDisposable
{
    private readonly TableInsert<RunEntity> runs;
    private readonly TableInsert<RunLabelEntity> labels;
    private readonly TableInsert<WorkloadResultEntity> workloads;
    private readonly TableInsert<SampleSeriesEntity> series;
    private readonly TableInsert<SensorTraceEntity> traces;

    public RunRowsInsert(MeasureDbContext db, IDbContextTransaction transaction)
    {
        var connection = db.Database.GetDbConnection();
        var open = transaction.GetDbTransaction();
        runs = new(db, connection, open);
        labels = new(db, connection, open);
        workloads = new(db, connection, open);
        series = new(db, connection, open);
        traces = new(db, connection, open);
    }

    public async Task InsertAsync(RunEntity run, CancellationToken cancellationToken)
    {
        await runs.InsertAsync(run, cancellationToken).ConfigureAwait(false);
        foreach (var label in run.Labels)
        {
            label.RunId = run.Id;
            label.Id = await labels.InsertAsync(label, cancellationToken).ConfigureAwait(false);
        }
        foreach (var workload in run.Workloads)
        {
            workload.RunId = run.Id;
            workload.Id = await workloads.InsertAsync(workload, cancellationToken).ConfigureAwait(false);
            foreach (var samples in workload.Samples)
            {
                samples.WorkloadResultId = workload.Id;
                samples.Id = await series.InsertAsync(samples, cancellationToken).ConfigureAwait(false);
            }
        }
        foreach (var trace in run.SensorTraces)
        {
            trace.RunId = run.Id;
            trace.Id = await traces.InsertAsync(trace, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await runs.DisposeAsync().ConfigureAwait(false);
        await labels.DisposeAsync().ConfigureAwait(false);
        await workloads.DisposeAsync().ConfigureAwait(false);
        await series.DisposeAsync().ConfigureAwait(false);
        await traces.DisposeAsync().ConfigureAwait(false);
    }
}
