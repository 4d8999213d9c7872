using Measure.Contracts;
using Measure.Server.Components.Figures;
using Measure.Server.Components.Tables;
using Measure.Storage.Queries;

namespace Measure.Server.Components.Dashboards;

/// <summary>
/// A table panel (the leaderboard): the newest result of each workload, precision, threads and device, one
/// column per declared metric. Headers carry unit and direction from the declarations; every value links to its run.
/// </summary>
public static class PanelTable
{
    public static TableModel Build(string name, PanelDefinition panel, IReadOnlyList<ResultRow> newestFirst)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(newestFirst);
        var latest = ResultGrouping.LatestPerSetup(newestFirst);
        var columns = new List<TableColumn>
        {
            new("workload", "Workload"),
            new("precision", "Precision"),
            new("threads", "Threads", Numeric: true),
            new("device", "Device"),
            new("suite", "Suite"),
            new("run", "Run (UTC)"),
        };
        foreach (var metric in panel.Columns)
        {
            var declaration = PanelFigures.Declared(latest, metric);
            var arrow = declaration is null ? "" : declaration.Direction == MetricDirection.LowerIsBetter ? " ↓" : " ↑";
            columns.Add(new TableColumn(ColumnKey(metric), declaration is null ? metric.Title : $"{metric.Title} ({declaration.Unit}){arrow}", Numeric: true));
        }
        var rows = latest.Select(r =>
        {
            var link = ResultGrouping.RunLink(r.RunId);
            var cells = new List<TableCell>
            {
                new(r.Workload),
                new(r.Precision),
                new(r.Threads.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Threads, CssClass: "num"),
                new(r.DeviceName),
                new(r.SuiteId),
                new(NumberText.Utc(r.StartedAtUtc), r.StartedAtUtc.Ticks, link),
            };
            foreach (var metric in panel.Columns)
            {
                var summary = metric.Find(r);
                cells.Add(summary is null ? TableCell.Empty
                    : metric.Pick(summary) is { } value ? TableCell.Number(value, href: link)
                    : new TableCell("unavailable", CssClass: "unavailable"));
            }
            return (IReadOnlyList<TableCell>)cells;
        }).ToList();
        return new TableModel(name, columns, rows);
    }

    public static string ColumnKey(MetricReference metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        return metric.Statistic == MetricStatistic.Headline ? metric.Names[0] : $"{metric.Names[0]}_{metric.Statistic.ToString().ToLowerInvariant()}";
    }
}
