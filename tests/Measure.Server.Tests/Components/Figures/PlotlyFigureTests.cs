using Measure.Server.Components.Figures;

namespace Measure.Server.Tests.Components.Figures;

public sealed class PlotlyFigureTests
{
    [Fact]
    public async Task PlotlyFigure_EmitsDivAndSpecThatCannotCloseTheScript()
    {
        var hostile = "</script><script>alert(1)</script>";
        var spec = new FigureSpec().WithTitle(hostile);

        var (html, document) = await ComponentHtml.RenderAsync<PlotlyFigure>(new Dictionary<string, object?>
        {
            ["Id"] = "f1",
            ["Title"] = hostile,
            ["Spec"] = spec,
            ["Caption"] = "caption",
        });

        Assert.Equal("f1", document.QuerySelector("div[data-figure]")!.GetAttribute("data-figure"));
        Assert.Equal(hostile, document.QuerySelector("div[data-figure]")!.GetAttribute("aria-label"));
        var scripts = document.QuerySelectorAll("script");
        Assert.Single(scripts);
        Assert.Equal("f1-spec", scripts[0].Id);
        Assert.DoesNotContain("<", scripts[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("caption", document.QuerySelector("figcaption")!.TextContent);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
    }
}
