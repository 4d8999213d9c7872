using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace Measure.Server.Hosting;

/// <summary>
/// A database that cannot be reached is the server's problem, not the client's: answer 503 with
/// Retry-After so agents' outboxes keep the run and try again, instead of a bare 500.
/// </summary>
public sealed class DatabaseUnavailableMiddleware(RequestDelegate next, ILogger<DatabaseUnavailableMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (IsDatabaseUnavailable(ex) && !context.Response.HasStarted)
        {
            logger.LogWarning("Database unavailable for {Path}: {Message}", context.Request.Path, ex.GetBaseException().Message);
            context.Response.Clear();
            context.Response.Headers.RetryAfter = "5";
            await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Database unavailable",
                detail: "The server cannot reach its database right now; nothing was stored. Retry later.").ExecuteAsync(context);
        }
    }

    internal static bool IsDatabaseUnavailable(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is DbException or RetryLimitExceededException or TimeoutException)
                return true;
        }
        return false;
    }
}
