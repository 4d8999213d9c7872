using Microsoft.Extensions.DependencyInjection.Extensions;
using Measure.Storage;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Measure.Server.Hosting;

public static class ServerHostingExtensions
{
    public static WebApplicationBuilder AddMeasureServerOptions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ServerOptions>().BindConfiguration(ServerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton<IngestMetrics>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<Fleet.ScheduleRunner>();
        return builder;
    }

    public static WebApplicationBuilder AddMeasureStorage(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddMeasureStorage(options);
        builder.Services.AddHostedService<Ingest.IngestQueueDrain>();
        return builder;
    }

    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<StorageOptions>();
        await StorageRegistration.MigrateAsync(scope.ServiceProvider.GetRequiredService<MeasureDbContext>(), options);
        app.Logger.LogInformation("Storage: {Provider} {Location}", options.Provider,
            options.Provider == StorageProvider.Sqlite ? options.SqliteFile : "(connection string)");
    }

    /// <summary>Serves wwwroot from beside the binaries (plotly.min.js is copied there by the build).</summary>
    public static WebApplication UseMeasureStaticFiles(this WebApplication app)
    {
        var webRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(webRoot),
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        return app;
    }

    public static ServerOptions GetServerOptions(this IServiceProvider services) => services.GetRequiredService<IOptions<ServerOptions>>().Value;
}
