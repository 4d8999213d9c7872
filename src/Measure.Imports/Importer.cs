using System.Text.Json;
using Measure.Contracts;

namespace Measure.Imports;

/// <summary>Recognises a foreign result file by its content and turns it into a validated run report.</summary>
public static class Importer
{
    public const string Expected =
        "expected a BenchmarkDotNet full JSON report (*-report-full.json), llama-bench -o json / -o jsonl output, " +
        "or an MLPerf LoadGen mlperf_log_summary.txt / mlperf_log_detail.txt";

    /// <exception cref="ImportException">The file is unreadable, of no known format, or not what its format promises.</exception>
    public static RunReport Import(string path, DateTimeOffset now) => Import(ImportSource.Read(path), now);

    public static RunReport Import(ImportSource source, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = source.Text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.Length == 0)
            throw new ImportException($"{source.Path}: the file is empty; {Expected}");
        if (MlPerfImporter.IsSummary(text))
            return MlPerfImporter.ImportSummary(source, now);
        if (MlPerfImporter.IsDetail(text))
            return MlPerfImporter.ImportDetail(source, now);
        if (LlamaBenchImporter.Tests(text) is { } tests)
            return LlamaBenchImporter.Import(source, tests, now);
        if (text.StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                if (BenchmarkDotNetImporter.Recognizes(document.RootElement))
                    return BenchmarkDotNetImporter.Import(source, document.RootElement, now);
            }
            catch (JsonException ex)
            {
                throw new ImportException($"{source.Path}: invalid JSON at {ex.Path ?? "$"} (line {ex.LineNumber + 1}): {ex.Message}; {Expected}", ex);
            }
        }
        throw new ImportException($"{source.Path}: unknown format; {Expected}");
    }
}
