using Measure.Server.Components.Tables;

namespace Measure.Server.Tests.Components.Tables;

public sealed class TableModelTests
{
    private static TableModel Sample() => new("t",
        [new("name", "Name"), new("value", "Value", Numeric: true)],
        [
            [new("b"), TableCell.Number(2)],
            [new("a"), TableCell.Empty],
            [new("c"), TableCell.Number(10)],
        ]);

    [Fact]
    public void SortedBy_NumericDescending_OrdersByValueWithMissingLast()
    {
        var sorted = Sample().SortedBy("value", descending: true);

        Assert.Equal(["c", "b", "a"], sorted.Rows.Select(r => r[0].Text));
    }

    [Fact]
    public void SortedBy_NumericAscending_KeepsMissingLast()
    {
        var sorted = Sample().SortedBy("value", descending: false);

        Assert.Equal(["b", "c", "a"], sorted.Rows.Select(r => r[0].Text));
    }

    [Fact]
    public void SortedBy_UnknownKey_KeepsOrder()
    {
        Assert.Equal(["b", "a", "c"], Sample().SortedBy("nope", true).Rows.Select(r => r[0].Text));
    }

    [Fact]
    public void ToCsv_QuotesSeparatorsAndGuardsFormulas()
    {
        var table = new TableModel("t", [new("a", "A, first"), new("b", "B", Numeric: true)],
            [[new("=HYPERLINK(\"x\")"), TableCell.Number(1.5, "ms")], [new("say \"hi\""), TableCell.Number(-2)]]);

        var csv = table.ToCsv();

        Assert.Equal("\"A, first\",B\r\n\"'=HYPERLINK(\"\"x\"\")\",1.5\r\n\"say \"\"hi\"\"\",-2\r\n", csv);
    }

    [Fact]
    public void CsvDataUrl_DecodesToTheCsv()
    {
        var table = Sample();

        var url = table.CsvDataUrl();

        Assert.StartsWith("data:text/csv;charset=utf-8,", url, StringComparison.Ordinal);
        Assert.Equal(table.ToCsv(), Uri.UnescapeDataString(url["data:text/csv;charset=utf-8,".Length..]));
    }

    [Fact]
    public void Constructor_RowOfWrongWidth_NamesTheRow()
    {
        var ex = Assert.Throws<ArgumentException>(() => new TableModel("t", [new("a", "A")], [[TableCell.Empty, TableCell.Empty]]));

        Assert.Equal("rows", ex.ParamName);
        Assert.Contains("Row 0", ex.Message, StringComparison.Ordinal);
    }
}
