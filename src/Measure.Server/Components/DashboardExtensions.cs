using Measure.Server.Components.Dashboards;
using Measure.Storage.Queries;

namespace Measure.Server.Components;

public static class DashboardExtensions
{
    public const string DirectorySetting = "Dashboards:Directory";

    /// <summary>
    /// Razor components, the dashboards' read-only queries, and the dashboard files: read and validated here,
    /// so an invalid file stops the start with its name and key.
    /// </summary>
    public static WebApplicationBuilder AddMeasureDashboards(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddScoped<ResultRowsQuery>();
        builder.Services.AddScoped<FleetQuery>();
        var directory = DashboardDirectory.Resolve(builder.Configuration[DirectorySetting], AppContext.BaseDirectory);
        builder.Services.AddSingleton(directory is null ? new DashboardCatalog([]) : DashboardCatalog.Load(directory));
        return builder;
    }

    public static WebApplication MapDashboards(this WebApplication app)
    {
        app.MapRazorComponents<App>().RequireAuthorization(Auth.AuthExtensions.ReadPolicy);
        return app;
    }
}
