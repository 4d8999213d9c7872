using System.Threading.RateLimiting;
using Measure.Server.Auth;

namespace Measure.Server.Hosting;

public static class RateLimitingExtensions
{
    /// <summary>
    /// A token bucket per bearer token (per client address for anonymous reads), so one misbehaving
    /// agent or script cannot starve the rest of the lab. 0 disables it.
    /// </summary>
    public static WebApplicationBuilder AddMeasureRateLimiting(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                    detail: $"At most {options.RequestsPerSecondPerToken} requests per second per token.").ExecuteAsync(context.HttpContext);
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (options.RequestsPerSecondPerToken <= 0)
                    return RateLimitPartition.GetNoLimiter("unlimited");
                var key = http.User.TokenId() ?? "ip:" + http.Connection.RemoteIpAddress;
                return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.RequestsPerSecondPerToken * 4,
                    TokensPerPeriod = options.RequestsPerSecondPerToken,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
        return builder;
    }
}
