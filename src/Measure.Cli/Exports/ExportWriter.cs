using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace Measure.Cli.Exports;

/// <summary>Writes an <see cref="ExportTable"/> as CSV (RFC 4180, invariant culture) or as a JSON array of objects.</summary>
public static class ExportWriter
{
    public static void WriteCsv(ExportTable table, TextWriter writer)
    {
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var column in table.Columns)
            csv.WriteField(column);
        csv.NextRecord();
        foreach (var row in table.Rows)
        {
            foreach (var cell in row)
                csv.WriteField(cell switch
                {
                    null => "",
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => cell.ToString(),
                });
            csv.NextRecord();
        }
        csv.Flush();
    }

    public static void WriteJson(ExportTable table, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        foreach (var row in table.Rows)
        {
            json.WriteStartObject();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var name = table.Columns[i];
                switch (row[i])
                {
                    case null:
                        json.WriteNull(name);
                        break;
                    case double d when double.IsFinite(d):
                        json.WriteNumber(name, d);
                        break;
                    case double:
                        json.WriteNull(name);
                        break;
                    case int n:
                        json.WriteNumber(name, n);
                        break;
                    default:
                        json.WriteString(name, row[i]!.ToString());
                        break;
                }
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
