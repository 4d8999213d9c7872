using System.Globalization;
using System.Text;
using Measure.Server.Hosting;
using Measure.Storage;
using Measure.Storage.Fleet;
using Microsoft.EntityFrameworkCore;

namespace Measure.Server.Api;

/// <summary>Prometheus text format: this instance's ingest figures plus fleet-wide figures from the database.</summary>
public static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", WriteAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> WriteAsync(IngestMetrics ingest, JobQueue queue, AgentRegistry agents, MeasureDbContext db, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        ingest.WriteTo(text);
        void Gauge(string name, string help, long value)
        {
            text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}\n");
        }
        Gauge("measure_jobs_queue_depth", "Jobs queued or leased (not finished).", await queue.QueuedCountAsync(cancellationToken));
        Gauge("measure_agents_online", "Agents with a heartbeat in the last two minutes.", await agents.OnlineCountAsync(cancellationToken));
        Gauge("measure_runs_stored", "Runs in the database.", await db.Runs.LongCountAsync(cancellationToken));
        return TypedResults.Text(text.ToString(), "text/plain; version=0.0.4");
    }
}
