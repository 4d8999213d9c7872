using Measure.Cli.Reports;
using Measure.Cli.Server;
using Measure.Contracts;

namespace Measure.Cli.Gate;

/// <summary>Turns REFs into run reports: from files offline, or from the server by id or query.</summary>
public sealed class RunResolver(TimeProvider clock, MeasureServerClient? server)
{
    /// <summary>How many matching runs <c>latest-per-device:</c> looks through to find each device's newest.</summary>
    public const int PerDeviceScanLimit = MeasureServerClient.MaxPageSize;

    /// <exception cref="ReportFileException">A file is unreadable or invalid, or a folder holds no reports.</exception>
    /// <exception cref="ServerException">The server is needed but not given, unreachable, or has no matching run.</exception>
    public async Task<IReadOnlyList<RunReport>> ResolveAsync(RunReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Kind == RunReferenceKind.File)
            return ReadFiles(reference.Path!);
        if (server is null)
            throw new ServerException($"'{reference.Text}' names runs on a server: pass --server URL (or give a report file)");
        switch (reference.Kind)
        {
            case RunReferenceKind.RunId:
                return [await server.GetRunAsync(reference.RunId!.Value, cancellationToken).ConfigureAwait(false)];
            case RunReferenceKind.Latest:
            {
                var page = await server.ListRunsAsync(reference.Filter!, 1, null, cancellationToken).ConfigureAwait(false);
                if (page.Items.Count == 0)
                    throw new ServerException($"no run on {server.BaseAddress} matches '{reference.Text}'");
                return [await server.GetRunAsync(page.Items[0].RunId, cancellationToken).ConfigureAwait(false)];
            }
            default:
            {
                var page = await server.ListRunsAsync(reference.Filter!, PerDeviceScanLimit, null, cancellationToken).ConfigureAwait(false);
                // The list is newest first, so the first run seen of each device is its newest.
                var newest = page.Items.GroupBy(r => r.DeviceName, StringComparer.Ordinal).Select(g => g.First().RunId).ToList();
                if (newest.Count == 0)
                    throw new ServerException($"no run on {server.BaseAddress} matches '{reference.Text}'");
                var reports = new List<RunReport>();
                foreach (var id in newest)
                    reports.Add(await server.GetRunAsync(id, cancellationToken).ConfigureAwait(false));
                return reports;
            }
        }
    }

    /// <summary>One report file, or every <c>*.json</c> report in a folder (sorted, so the order is stable).</summary>
    public IReadOnlyList<RunReport> ReadFiles(string path)
    {
        if (Directory.Exists(path))
        {
            var files = Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0)
                throw new ReportFileException($"{path}: the folder holds no *.json run reports");
            return files.Select(f => ReportFile.Read(f, clock)).ToList();
        }
        if (!File.Exists(path))
            throw new ReportFileException($"{path}: no such file or folder (a REF is a report file, a folder of reports, a run id or latest:KEY=VALUE,...)");
        return [ReportFile.Read(path, clock)];
    }
}
