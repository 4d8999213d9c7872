using Measure.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Measure.Storage;

/// <summary>Computes the summaries of workload results stored before summaries existed, a batch at a time.</summary>
public static class SummaryBackfill
{
    public static async Task<int> RunAsync(MeasureDbContext db, int batchSize = 500, CancellationToken cancellationToken = default)
    {
        var total = 0;
        while (true)
        {
            var batch = await db.WorkloadResults.Include(w => w.Samples).Where(w => w.SummaryJson == null)
                .OrderBy(w => w.Id).Take(batchSize).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
                return total;
            foreach (var row in batch)
            {
                var workload = new WorkloadResult(row.Workload, row.Precision, row.Isa, row.Threads, new Dictionary<string, string>(),
                    row.Samples.OrderBy(s => s.Ordinal).Select(s => new SampleSeries(s.Metric, SampleCodec.Decode(s.Data))).ToList(),
                    RunMapper.ReadValues(row.ValuesJson));
                row.SummaryJson = WorkloadSummaries.Serialize(WorkloadSummaries.Compute(workload));
            }
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            total += batch.Count;
        }
    }
}
