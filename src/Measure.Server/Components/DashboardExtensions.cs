namespace Measure.Server.Components;

public static class DashboardExtensions
{
    public static WebApplicationBuilder AddMeasureDashboards(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        return builder;
    }

    public static WebApplication MapDashboards(this WebApplication app)
    {
        app.MapRazorComponents<App>().RequireAuthorization(Auth.AuthExtensions.ReadPolicy);
        return app;
    }
}
