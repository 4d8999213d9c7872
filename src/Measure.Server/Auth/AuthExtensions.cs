using Microsoft.Extensions.DependencyInjection.Extensions;
using Measure.Server.Hosting;
using Measure.Storage;
using Microsoft.AspNetCore.Authentication;

namespace Measure.Server.Auth;

public static class AuthExtensions
{
    public const string WriteRunsPolicy = "runs:write";
    public const string AdminPolicy = "admin";
    public const string CreateJobsPolicy = "jobs:create";
    public const string AgentPolicy = "agent";
    public const string ReadPolicy = "read";
    public const string AdminTokenFileName = "admin-token";

    public static WebApplicationBuilder AddMeasureAuth(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<ApiTokens>();
        builder.Services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        var publicReads = builder.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>()?.PublicReads ?? true;
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(WriteRunsPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => TokenKind.CanWriteRuns(c.User.TokenKind())))
            .AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.TokenKind() == TokenKind.Admin))
            .AddPolicy(CreateJobsPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => TokenKind.CanCreateJobs(c.User.TokenKind())))
            .AddPolicy(AgentPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.AgentId() is not null))
            .AddPolicy(ReadPolicy, p =>
            {
                if (publicReads)
                    p.RequireAssertion(_ => true);
                else
                    p.RequireAuthenticatedUser();
            });
        return builder;
    }

    /// <summary>
    /// On first start there is no admin: create one and write its token to a file only this user can
    /// read, so nothing secret is printed to logs.
    /// </summary>
    public static async Task EnsureAdminTokenAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokens>();
        var storage = scope.ServiceProvider.GetRequiredService<StorageOptions>();
        var path = Path.Combine(Path.GetFullPath(storage.DataDirectory), AdminTokenFileName);
        if (await tokens.AnyOfKindAsync(TokenKind.Admin))
        {
            app.Logger.LogInformation("Admin token: see {Path} (created on first start)", path);
            return;
        }
        var issued = await tokens.IssueAsync(TokenKind.Admin, "admin (first start)");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var file = new StreamWriter(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options))
            await file.WriteLineAsync(issued.Token);
        app.Logger.LogWarning("Created the admin token and stored it in {Path}", path);
    }
}
