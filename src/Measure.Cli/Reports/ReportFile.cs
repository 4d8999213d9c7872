using System.Text.Json;
using Measure.Contracts;

namespace Measure.Cli.Reports;

public static class ReportFile
{
    /// <summary>Reads and validates a run report with the same rules as the server.</summary>
    public static RunReport Read(string path, TimeProvider clock)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ReportFileException($"{path}: cannot read ({ex.Message})", ex);
        }
        RunReport report;
        try
        {
            report = MeasureJson.DeserializeReport(text);
        }
        catch (JsonException ex)
        {
            throw new ReportFileException($"{path}: not a Measure run report at {ex.Path ?? "$"}: {ex.Message}", ex);
        }
        var errors = RunReportValidator.Validate(report, clock.GetUtcNow());
        if (errors.Count > 0)
            throw new ReportFileException($"{path}: invalid run report: {string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"))}");
        return report;
    }
}
