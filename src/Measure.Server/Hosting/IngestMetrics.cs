using System.Globalization;
using System.Text;

namespace Measure.Server.Hosting;

/// <summary>
/// Ingest counters and a latency histogram of this server process, in Prometheus terms. Per instance by
/// design: Prometheus sums instances; fleet-wide figures (queue, agents) come from the database.
/// </summary>
public sealed class IngestMetrics
{
    private static readonly double[] BucketsSeconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly long[] bucketCounts = new long[BucketsSeconds.Length];
    private readonly Dictionary<int, long> byStatus = [];
    private long count;
    private long sumMicroseconds;

    public void Record(IResult result, TimeSpan elapsed)
    {
        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? 200;
        lock (byStatus)
        {
            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
            count++;
            sumMicroseconds += (long)elapsed.TotalMicroseconds;
            for (var i = 0; i < BucketsSeconds.Length; i++)
            {
                if (elapsed.TotalSeconds <= BucketsSeconds[i])
                    bucketCounts[i]++;
            }
        }
    }

    public void WriteTo(StringBuilder text)
    {
        lock (byStatus)
        {
            text.AppendLine("# HELP measure_ingest_requests_total Run uploads answered by this instance, by HTTP status.");
            text.AppendLine("# TYPE measure_ingest_requests_total counter");
            foreach (var (status, n) in byStatus.OrderBy(p => p.Key))
                text.Append(CultureInfo.InvariantCulture, $"measure_ingest_requests_total{{status=\"{status}\"}} {n}\n");
            text.AppendLine("# HELP measure_ingest_duration_seconds Time to validate and store one upload.");
            text.AppendLine("# TYPE measure_ingest_duration_seconds histogram");
            for (var i = 0; i < BucketsSeconds.Length; i++)
                text.Append(CultureInfo.InvariantCulture, $"measure_ingest_duration_seconds_bucket{{le=\"{BucketsSeconds[i]}\"}} {bucketCounts[i]}\n");
            text.Append(CultureInfo.InvariantCulture, $"measure_ingest_duration_seconds_bucket{{le=\"+Inf\"}} {count}\n");
            text.Append(CultureInfo.InvariantCulture, $"measure_ingest_duration_seconds_sum {sumMicroseconds / 1e6}\n");
            text.Append(CultureInfo.InvariantCulture, $"measure_ingest_duration_seconds_count {count}\n");
        }
    }
}
