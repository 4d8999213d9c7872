using Measure.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Measure.Server.Api;

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => TypedResults.Text("ok"));
        app.MapGet("/ready", ReadyAsync);
        return app;
    }

    /// <summary>Ready only when the database answers, so a load balancer skips an instance that lost it.</summary>
    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReadyAsync(MeasureDbContext db, CancellationToken cancellationToken) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? TypedResults.Text("ready")
            : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Database unavailable");
}
