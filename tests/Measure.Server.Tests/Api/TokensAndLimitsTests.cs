using System.Net;
using System.Net.Http.Json;
using System.Text;
using Measure.Contracts;
using Measure.Contracts.Fleet;
using Measure.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Measure.Server.Tests.Api;

public sealed class TokensAndLimitsTests : IAsyncLifetime
{
    private static MeasureJsonContext Json => MeasureJson.Context;
    private RunningServer server = null!;

    public Task InitializeAsync()
    {
        server = RunningServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private async Task<string> IssueAsync(string kind)
    {
        using var response = await server.Client(server.AdminToken).PostAsJsonAsync("api/v1/tokens", new CreateTokenRequest(kind, $"{kind} token"), Json.CreateTokenRequest);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync(Json.TokenCreated))!.Token;
    }

    private async Task<HttpStatusCode> PostRunAsync(string token)
    {
        using var response = await server.Client(token).PostAsJsonAsync("api/v1/runs", SampleReports.WithLatencies([1, 2]), Json.RunReport);
        return response.StatusCode;
    }

    [Fact]
    public async Task CiToken_WritesRunsAndCreatesJobs_ButCannotIssueTokens()
    {
        var ci = await IssueAsync("ci");

        using var tokenAttempt = await server.Client(ci).PostAsJsonAsync("api/v1/tokens", new CreateTokenRequest("admin", "escalate"), Json.CreateTokenRequest);
        using var job = await server.Client(ci).PostAsJsonAsync("api/v1/jobs", new CreateJobRequest("suite: quick\nversion: 1\n", new DeviceSelector([])), Json.CreateJobRequest);

        Assert.Equal(HttpStatusCode.Created, await PostRunAsync(ci));
        Assert.Equal(HttpStatusCode.Created, job.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, tokenAttempt.StatusCode);
    }

    [Fact]
    public async Task ReadOnlyToken_CannotWriteRuns()
    {
        var read = await IssueAsync("read");

        Assert.Equal(HttpStatusCode.Forbidden, await PostRunAsync(read));
        Assert.Equal(0, await server.WithDbAsync(db => db.Runs.CountAsync()));
    }

    [Fact]
    public async Task RevokedToken_IsRefused()
    {
        var ci = await IssueAsync("ci");
        var id = ci.Split('_')[1];

        using var revoke = await server.Client(server.AdminToken).DeleteAsync($"api/v1/tokens/{id}");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await PostRunAsync(ci));
    }

    [Fact]
    public async Task TokenList_NeverShowsSecrets()
    {
        var ci = await IssueAsync("ci");

        var listing = await server.Client(server.AdminToken).GetStringAsync("api/v1/tokens");

        Assert.Contains(ci.Split('_')[1], listing, StringComparison.Ordinal);
        Assert.DoesNotContain(ci.Split('_', 3)[2], listing, StringComparison.Ordinal);
        Assert.DoesNotContain(server.AdminToken.Split('_', 3)[2], listing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnrollmentToken_IsNotABearerToken()
    {
        using var created = await server.Client(server.AdminToken).PostAsJsonAsync("api/v1/enrollment-tokens", new CreateEnrollmentTokenRequest(["rpi5"]), Json.CreateEnrollmentTokenRequest);
        var enrollment = (await created.Content.ReadFromJsonAsync(Json.EnrollmentTokenCreated))!.Token;

        Assert.Equal(HttpStatusCode.Unauthorized, await PostRunAsync(enrollment));
    }

    [Theory]
    [InlineData("kind", "{\"kind\":\"superuser\",\"name\":\"x\"}")]
    [InlineData("$.kind", "{\"kind\":5,\"name\":\"x\"}")]
    [InlineData("$", "{\"name\":\"x\"}")]
    public async Task CreateToken_BadBody_Is400NamingTheField(string field, string body)
    {
        using var response = await server.Client(server.AdminToken).PostAsync("api/v1/tokens", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_ArePrometheusText()
    {
        await PostRunAsync(server.AdminToken);

        var text = await server.Client().GetStringAsync("metrics");

        Assert.Contains("measure_ingest_requests_total{status=\"201\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("measure_runs_stored 1", text, StringComparison.Ordinal);
        Assert.Contains("measure_jobs_queue_depth 0", text, StringComparison.Ordinal);
        Assert.Contains("measure_agents_online 0", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheVersionedApi()
    {
        var document = await server.Client().GetStringAsync("openapi/v1.json");

        foreach (var path in new[] { "/api/v1/runs", "/api/v1/jobs/lease", "/api/v1/agents/enroll", "/api/v1/tokens" })
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthAndReadiness_AnswerWithoutToken()
    {
        Assert.Equal("ok", await server.Client().GetStringAsync("health"));
        Assert.Equal("ready", await server.Client().GetStringAsync("ready"));
    }
}

public sealed class RateLimitTests
{
    [Fact]
    public async Task ManyRequestsWithOneToken_BeyondTheBucket_Get429WithRetryAfter()
    {
        await using var server = RunningServer.Start(new Dictionary<string, string?> { ["Server:RequestsPerSecondPerToken"] = "2" });
        using var client = server.Client(server.AdminToken);

        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 20; i++)
            statuses.Add(await client.GetAsync("api/v1/tokens"));

        var limited = statuses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.True(limited[0].Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.OK, statuses[0].StatusCode);
        statuses.ForEach(r => r.Dispose());
    }
}
