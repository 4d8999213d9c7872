namespace Measure.Server.Components.Dashboards;

/// <summary>A dashboard loaded from one file in dashboards/; its id is the file name without extension.</summary>
public sealed record DashboardDefinition(
    string Id,
    string Title,
    string? Description,
    int Order,
    IReadOnlyList<PanelDefinition> Panels,
    string SourceFile);
