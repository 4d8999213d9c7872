using Measure.Server.Components.Tables;

namespace Measure.Server.Tests.Components.Tables;

public sealed class DataTableTests
{
    [Fact]
    public async Task DataTable_RendersRowsSortLinksAndCsvOfTheSameRows()
    {
        var hostile = "<script>alert(1)</script>";
        var table = new TableModel("board", [new("device", "Device"), new("latency", "Latency (ms)", Numeric: true)],
            [[new(hostile), TableCell.Number(1.25, href: "runs/abc")]]);

        var (html, document) = await ComponentHtml.RenderAsync<DataTable>(new Dictionary<string, object?>
        {
            ["Table"] = table,
            ["Caption"] = "Board",
            ["SortKey"] = "latency",
            ["Descending"] = true,
            ["SortLink"] = (Func<string, bool, string>)((key, desc) => $"?sort={key}&desc={desc}"),
        });

        Assert.DoesNotContain(hostile, html, StringComparison.Ordinal);
        Assert.Equal(hostile, document.QuerySelector("tbody th")!.TextContent);
        Assert.Equal("runs/abc", document.QuerySelector("tbody td a")!.GetAttribute("href"));
        Assert.Equal("descending", document.QuerySelector("th[aria-sort]")!.GetAttribute("aria-sort"));
        Assert.Equal("?sort=latency&desc=False", document.QuerySelectorAll("thead a")[1].GetAttribute("href"));
        var csvLink = document.QuerySelector("a[data-csv='board']")!;
        Assert.Equal("board.csv", csvLink.GetAttribute("download"));
        Assert.Equal(table.CsvDataUrl(), csvLink.GetAttribute("href"));
    }

    [Fact]
    public async Task DataTable_NoRows_SaysSo()
    {
        var (_, document) = await ComponentHtml.RenderAsync<DataTable>(new Dictionary<string, object?>
        {
            ["Table"] = new TableModel("e", [new("a", "A")], []),
            ["Caption"] = "Empty",
            ["EmptyText"] = "Nothing here.",
        });

        Assert.Contains("Nothing here.", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("thead a"));
    }
}
