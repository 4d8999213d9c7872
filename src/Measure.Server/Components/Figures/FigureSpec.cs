using System.Text.Json;
using System.Text.Json.Nodes;

namespace Measure.Server.Components.Figures;

/// <summary>A plotly.js figure (traces + layout) built on the server and drawn by the browser.</summary>
public sealed class FigureSpec
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public JsonArray Data { get; } = [];

    public JsonObject Layout { get; } = new()
    {
        ["margin"] = new JsonObject { ["l"] = 56, ["r"] = 16, ["t"] = 40, ["b"] = 48 },
        ["paper_bgcolor"] = "rgba(0,0,0,0)",
        ["plot_bgcolor"] = "rgba(0,0,0,0)",
        ["autosize"] = true,
    };

    public JsonObject Config { get; } = new()
    {
        ["responsive"] = true,
        ["displaylogo"] = false,
        ["toImageButtonOptions"] = new JsonObject { ["format"] = "svg" },
    };

    /// <summary>Titles are entity-encoded: plotly reads some HTML in text, names from reports must show as typed.</summary>
    public FigureSpec WithTitle(string title)
    {
        Layout["title"] = new JsonObject { ["text"] = PanelFigures.Label(title) };
        return this;
    }

    public FigureSpec WithAxes(string xTitle, string yTitle)
    {
        Layout["xaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = PanelFigures.Label(xTitle) }, ["automargin"] = true };
        Layout["yaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = PanelFigures.Label(yTitle) }, ["automargin"] = true };
        return this;
    }

    public FigureSpec AddTrace(JsonObject trace)
    {
        Data.Add(trace);
        return this;
    }

    public string ToJson() => new JsonObject
    {
        ["data"] = Data.DeepClone(),
        ["layout"] = Layout.DeepClone(),
        ["config"] = Config.DeepClone(),
    }.ToJsonString(Compact);

    public static JsonArray Numbers(IEnumerable<double> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
