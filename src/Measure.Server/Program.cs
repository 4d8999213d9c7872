using Measure.Server.Api;
using Measure.Server.Auth;
using Measure.Server.Components;
using Measure.Server.Hosting;

// Configuration files ship beside the binaries; relative data paths stay relative to the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.AddMeasureServerOptions();
builder.AddMeasureStorage();
builder.AddMeasureAuth();
builder.AddMeasureRateLimiting();
builder.AddMeasureDashboards();

var app = builder.Build();

await app.MigrateDatabaseAsync();
await app.EnsureAdminTokenAsync();

app.UseMiddleware<DatabaseUnavailableMiddleware>();
app.UseMeasureStaticFiles();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseAntiforgery();

app.MapOpenApi();
app.MapHealthApi();
app.MapMetricsApi();
app.MapRunsApi();
app.MapTokensApi();
app.MapAgentsApi();
app.MapJobsApi();
app.MapSchedulesApi();
app.MapDashboards();

await app.RunAsync();

/// <summary>Entry point type, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
