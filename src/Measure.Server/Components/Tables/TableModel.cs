using System.Globalization;
using System.Text;

namespace Measure.Server.Components.Tables;

/// <summary>A column of a rendered table; <see cref="Key"/> is what a sort link names.</summary>
public sealed record TableColumn(string Key, string Title, bool Numeric = false);

/// <summary>One cell: the text shown (and written to CSV), the number it sorts by, and an optional link.</summary>
public sealed record TableCell(string Text, double? SortValue = null, string? Href = null, string? CssClass = null)
{
    public static TableCell Empty { get; } = new("");

    public static TableCell Number(double? value, string? unit = null, string? href = null) =>
        value is { } v ? new TableCell(NumberText.Format(v) + (unit is null ? "" : " " + unit), v, href, "num") : new TableCell("", null, href, "num");
}

/// <summary>
/// A table as data: the HTML view and its CSV download render from the same rows, so they always agree.
/// </summary>
public sealed class TableModel
{
    public TableModel(string name, IReadOnlyList<TableColumn> columns, IReadOnlyList<IReadOnlyList<TableCell>> rows)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Count != columns.Count)
                throw new ArgumentException($"Row {i} has {rows[i].Count} cells but the table has {columns.Count} columns.", nameof(rows));
        }
        Name = name;
        Columns = columns;
        Rows = rows;
    }

    public string Name { get; }
    public IReadOnlyList<TableColumn> Columns { get; }
    public IReadOnlyList<IReadOnlyList<TableCell>> Rows { get; }

    /// <summary>Rows ordered by one column (numbers by value, missing values last whichever the direction); unknown keys keep the order.</summary>
    public TableModel SortedBy(string? key, bool descending)
    {
        var index = Columns.ToList().FindIndex(c => c.Key == key);
        if (index < 0)
            return this;
        var present = Rows.Where(r => Has(r[index])).ToList();
        var missing = Rows.Where(r => !Has(r[index]));
        IEnumerable<IReadOnlyList<TableCell>> ordered = Columns[index].Numeric
            ? descending ? present.OrderByDescending(r => r[index].SortValue) : present.OrderBy(r => r[index].SortValue)
            : descending ? present.OrderByDescending(r => r[index].Text, StringComparer.Ordinal) : present.OrderBy(r => r[index].Text, StringComparer.Ordinal);
        return new TableModel(Name, Columns, ordered.Concat(missing).ToList());

        bool Has(TableCell cell) => Columns[index].Numeric ? cell.SortValue is not null : cell.Text.Length > 0;
    }

    /// <summary>RFC 4180 CSV with a header row. Text that a spreadsheet would run as a formula is prefixed with a quote.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Columns.Select(c => Field(c.Title, numeric: false))).Append("\r\n");
        foreach (var row in Rows)
        {
            csv.AppendJoin(',', row.Select((cell, i) => Columns[i].Numeric && cell.SortValue is { } v
                ? v.ToString("R", CultureInfo.InvariantCulture)
                : Field(cell.Text, numeric: false))).Append("\r\n");
        }
        return csv.ToString();
    }

    /// <summary>The CSV as a data: URL, so a download needs no second request that could see other data.</summary>
    public string CsvDataUrl() => "data:text/csv;charset=utf-8," + Uri.EscapeDataString(ToCsv());

    private static string Field(string text, bool numeric)
    {
        if (!numeric && text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
