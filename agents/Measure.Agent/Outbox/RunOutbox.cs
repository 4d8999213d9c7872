using System.Globalization;
using Measure.Agent.State;
using Measure.Contracts;

namespace Measure.Agent.Outbox;

/// <summary>
/// The durable queue of finished runs: <c>outbox/&lt;run id&gt;.json</c>, each written atomically before
/// any upload is tried, removed only after the server confirmed it. A report is therefore on disk
/// whole or not at all, survives reboots and outages, and leaves only when it was stored.
/// </summary>
public sealed class RunOutbox
{
    private const string ReportExtension = ".json";
    private const string TicketExtension = ".job";
    private const string ReasonExtension = ".reason.txt";

    public RunOutbox(AgentStateDirectory state)
    {
        ArgumentNullException.ThrowIfNull(state);
        PendingDirectory = state.OutboxPath;
        RejectedDirectory = state.RejectedPath;
    }

    public string PendingDirectory { get; }

    public string RejectedDirectory { get; }

    /// <summary>Writes the report (and its job ticket first, so a report never exists without it) durably.</summary>
    public OutboxEntry Add(RunReport report, JobTicket? job = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var path = ReportPath(report.RunId);
        if (job is not null)
            DurableFile.WriteAllText(TicketPath(report.RunId), string.Create(CultureInfo.InvariantCulture, $"{job.JobId}\n{job.LeaseId}\n"));
        DurableFile.WriteAllText(path, MeasureJson.Serialize(report));
        return Describe(path)!;
    }

    /// <summary>Waiting reports, oldest first. Temporary files of an interrupted write are not entries.</summary>
    public IReadOnlyList<OutboxEntry> Pending()
    {
        if (!Directory.Exists(PendingDirectory))
            return [];
        return Directory.EnumerateFiles(PendingDirectory, "*" + ReportExtension)
            .Select(Describe)
            .OfType<OutboxEntry>()
            .OrderBy(e => e.QueuedAt)
            .ThenBy(e => e.RunId)
            .ToList();
    }

    public IReadOnlyList<RejectedEntry> Rejected()
    {
        if (!Directory.Exists(RejectedDirectory))
            return [];
        return Directory.EnumerateFiles(RejectedDirectory, "*" + ReportExtension)
            .Select(path => (Path: path, Id: ParseRunId(path)))
            .Where(x => x.Id is not null)
            .Select(x => new RejectedEntry(x.Id!.Value, x.Path,
                File.Exists(x.Path[..^ReportExtension.Length] + ReasonExtension) ? File.ReadAllText(x.Path[..^ReportExtension.Length] + ReasonExtension).Trim() : "(no reason recorded)",
                File.GetLastWriteTimeUtc(x.Path)))
            .OrderBy(e => e.RejectedAt)
            .ToList();
    }

    public static string ReadReport(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return File.ReadAllText(entry.Path);
    }

    /// <summary>The server stored the run: forget it (report first, so a crash in between leaves only a harmless ticket).</summary>
    public void Remove(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        DurableFile.Delete(entry.Path);
        if (File.Exists(TicketPath(entry.RunId)))
            DurableFile.Delete(TicketPath(entry.RunId));
    }

    /// <summary>The server refused the run for good: keep it, with the reason, out of the retry loop.</summary>
    public RejectedEntry Reject(OutboxEntry entry, string reason)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var name = entry.RunId.ToString("D");
        DurableFile.WriteAllText(Path.Join(RejectedDirectory, name + ReasonExtension), reason + "\n");
        var destination = Path.Join(RejectedDirectory, name + ReportExtension);
        DurableFile.Move(entry.Path, destination);
        if (File.Exists(TicketPath(entry.RunId)))
            DurableFile.Delete(TicketPath(entry.RunId));
        return new RejectedEntry(entry.RunId, destination, reason, DateTimeOffset.UtcNow);
    }

    /// <summary>Deletes the temporary files a killed writer left behind (never complete reports).</summary>
    public int DeleteInterruptedWrites()
    {
        if (!Directory.Exists(PendingDirectory))
            return 0;
        var stale = Directory.EnumerateFiles(PendingDirectory, "*" + DurableFile.TemporarySuffix).ToList();
        foreach (var file in stale)
            File.Delete(file);
        return stale.Count;
    }

    private string ReportPath(Guid runId) => Path.Join(PendingDirectory, runId.ToString("D") + ReportExtension);

    private string TicketPath(Guid runId) => Path.Join(PendingDirectory, runId.ToString("D") + TicketExtension);

    private OutboxEntry? Describe(string path)
    {
        if (ParseRunId(path) is not { } runId)
            return null;
        var info = new FileInfo(path);
        if (!info.Exists)
            return null;
        return new OutboxEntry(runId, path, info.Length, info.LastWriteTimeUtc, ReadTicket(runId));
    }

    private JobTicket? ReadTicket(Guid runId)
    {
        var path = TicketPath(runId);
        if (!File.Exists(path))
            return null;
        var lines = File.ReadAllLines(path);
        return lines.Length >= 2 && Guid.TryParse(lines[0], out var job) && Guid.TryParse(lines[1], out var lease)
            ? new JobTicket(job, lease)
            : throw new InvalidDataException($"{path}: a job ticket is two lines, the job id and the lease id.");
    }

    private static Guid? ParseRunId(string path) =>
        Guid.TryParse(Path.GetFileNameWithoutExtension(path), out var id) ? id : null;
}
