using Measure.Contracts;
using Measure.Storage.Entities;

namespace Measure.Storage.Ingest;

/// <summary>
/// A report turned into its rows ahead of the database: content hash, packed samples and per-metric summaries
/// are computed by the caller (on the request's thread), so the single writer that inserts it only writes.
/// Immutable: every insert attempt takes its own copy of the rows.
/// </summary>
public sealed class PreparedRun
{
    private readonly RunEntity rows;

    private PreparedRun(RunReport report, string reportHash, string deviceHash, RunEntity rows)
    {
        Report = report;
        ReportHash = reportHash;
        DeviceHash = deviceHash;
        this.rows = rows;
        PayloadBytes = rows.Workloads.Sum(w => w.Samples.Sum(s => (long)s.Data.Length))
            + rows.SensorTraces.Sum(t => (long)t.Times.Length + t.Values.Length);
    }

    public RunReport Report { get; }

    public Guid RunId => Report.RunId;

    /// <summary>The content hash stored with the run (see <see cref="Storage.ReportHash"/>).</summary>
    public string ReportHash { get; }

    internal string DeviceHash { get; }

    /// <summary>Bytes of packed samples and traces: what dominates the size of the run's rows.</summary>
    public long PayloadBytes { get; }

    /// <summary>Prepares an already validated report received at <paramref name="receivedAt"/>.</summary>
    public static PreparedRun From(RunReport report, DateTimeOffset receivedAt, Guid? uploadedByAgentId = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var hash = Storage.ReportHash.Compute(report);
        var rows = RunMapper.ToEntity(report, deviceId: 0, hash, receivedAt);
        rows.UploadedByAgentId = uploadedByAgentId;
        return new PreparedRun(report, hash, DeviceIdentity.Hash(report.Device), rows);
    }

    internal RunEntity NewRows(long deviceId) => RunMapper.CopyForInsert(rows, deviceId);

    internal DateTimeOffset ReceivedAt => new(DateTime.SpecifyKind(rows.ReceivedAtUtc, DateTimeKind.Utc));

    /// <summary>What storing this run means given the hash already stored under its id.</summary>
    internal StoreOutcome OutcomeAgainst(string storedHash) =>
        Storage.ReportHash.Matches(storedHash, Report, ReportHash) ? StoreOutcome.AlreadyStored : StoreOutcome.Conflict;
}
