using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Measure.Contracts;
using Measure.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Measure.Server.Tests.Api;

public sealed class RunsApiTests : IAsyncLifetime
{
    private RunningServer server = null!;

    public Task InitializeAsync()
    {
        server = RunningServer.Start(new Dictionary<string, string?> { ["Server:MaxReportBytes"] = "200000" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private Task<int> StoredRuns() => server.WithDbAsync(db => db.Runs.CountAsync());

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<HttpResponseMessage> PostAsync(RunReport report, string? token = "admin") =>
        await server.Client(token == "admin" ? server.AdminToken : token).PostAsync("api/v1/runs", Json(MeasureJson.Serialize(report)));

    [Fact]
    public async Task Post_ValidReport_IsStoredAndReadBackWithAllSamples()
    {
        var report = SampleReports.WithLatencies([2.5, 2.25, 2.75, 3.0]);

        using var response = await PostAsync(report);
        var read = await server.Client().GetFromJsonAsync($"api/v1/runs/{report.RunId}", MeasureJson.Context.RunReport);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/runs/{report.RunId}", response.Headers.Location?.OriginalString);
        Assert.Equal(MeasureJson.Serialize(report), MeasureJson.Serialize(read!));
    }

    [Fact]
    public async Task Post_SameRunTwice_StoresOnceAndAnswersAlike()
    {
        var report = SampleReports.WithLatencies([1, 2, 3]);

        using var first = await PostAsync(report);
        using var second = await PostAsync(report);

        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(1, await StoredRuns());
    }

    [Fact]
    public async Task Post_SameRunIdWithOtherContent_IsConflictAndKeepsTheFirst()
    {
        var report = SampleReports.WithLatencies([1, 2, 3]);
        using var first = await PostAsync(report);

        using var second = await PostAsync(SampleReports.WithLatencies([9, 9, 9], report.RunId));
        var stored = await server.Client().GetFromJsonAsync($"api/v1/runs/{report.RunId}", MeasureJson.Context.RunReport);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal([1.0, 2.0, 3.0], stored!.Workloads[0].Samples[0].Values);
    }

    [Fact]
    public async Task Post_ManyDistinctRunsConcurrently_AllCreatedAndEachStoredOnce()
    {
        var reports = Enumerable.Range(0, 24).Select(i => SampleReports.WithLatencies([i + 1.0, i + 1.5])).ToList();

        var responses = await Task.WhenAll(reports.Select(r => Task.Run(() => PostAsync(r))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(24, await StoredRuns());
        var read = await server.Client().GetFromJsonAsync($"api/v1/runs/{reports[17].RunId}", MeasureJson.Context.RunReport);
        Assert.Equal(MeasureJson.Serialize(reports[17]), MeasureJson.Serialize(read!));
    }

    [Fact]
    public async Task Post_SameRunConcurrently_StoresOnceAndAnswersAlike()
    {
        var report = SampleReports.WithLatencies([1, 2, 3]);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => PostAsync(report))));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(bodies.Distinct());
        Assert.Equal(1, await StoredRuns());
    }

    [Fact]
    public async Task Post_SameRunIdWithOtherContentConcurrently_OneCreatedOneConflict()
    {
        var first = SampleReports.WithLatencies([1, 2, 3]);
        var other = SampleReports.WithLatencies([9, 9, 9], first.RunId);

        var responses = await Task.WhenAll(Task.Run(() => PostAsync(first)), Task.Run(() => PostAsync(other)));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(1, await StoredRuns());
    }

    [Fact]
    public async Task Get_List_IsNewestFirstAndPaged()
    {
        var baseTime = SampleReports.Now.AddHours(-3);
        for (var i = 0; i < 5; i++)
        {
            var report = SampleReports.WithLatencies([1, 2]) with { StartedAt = baseTime.AddMinutes(i), FinishedAt = baseTime.AddMinutes(i + 1) };
            using var _ = await PostAsync(report);
        }

        var first = await server.Client().GetFromJsonAsync("api/v1/runs?limit=3", MeasureJson.Context.PageRunSummary);
        var second = await server.Client().GetFromJsonAsync($"api/v1/runs?limit=3&cursor={Uri.EscapeDataString(first!.NextCursor!)}", MeasureJson.Context.PageRunSummary);

        var all = first.Items.Concat(second!.Items).Select(r => r.StartedAt).ToList();
        Assert.Equal(5, all.Count);
        Assert.True(all.OrderByDescending(t => t).SequenceEqual(all), string.Join(", ", all));
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task Get_UnknownRun_Is404() =>
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client().GetAsync($"api/v1/runs/{Guid.NewGuid()}")).StatusCode);

    [Theory]
    [InlineData("{\"schemaVersion\": 1,")]
    [InlineData("[]")]
    [InlineData("not json")]
    public async Task Post_MalformedJson_Is400ProblemAndStoresNothing(string body)
    {
        using var response = await server.Client(server.AdminToken).PostAsync("api/v1/runs", Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await StoredRuns());
    }

    [Fact]
    public async Task Post_MissingField_Is400NamingTheField()
    {
        var json = MeasureJson.Serialize(SampleReports.Valid()).Replace("\"cpuModel\":\"AMD EPYC\",", "", StringComparison.Ordinal);

        using var response = await server.Client(server.AdminToken).PostAsync("api/v1/runs", Json(json));
        var problem = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cpuModel", problem, StringComparison.Ordinal);
        Assert.Equal(0, await StoredRuns());
    }

    [Fact]
    public async Task Post_WrongTypeForField_Is400NamingThePath()
    {
        var json = MeasureJson.Serialize(SampleReports.Valid()).Replace("\"logicalCores\":2", "\"logicalCores\":\"two\"", StringComparison.Ordinal);

        using var response = await server.Client(server.AdminToken).PostAsync("api/v1/runs", Json(json));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("$.device.logicalCores", out _));
    }

    [Fact]
    public async Task Post_RuleViolation_Is400NamingTheField()
    {
        using var response = await PostAsync(SampleReports.WithLatencies([1.0, -2.0]));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("workloads[0].samples[0].values[1]", out _));
        Assert.Equal(0, await StoredRuns());
    }

    [Fact]
    public async Task Post_OversizedBody_Is413AndStoresNothing()
    {
        using var response = await PostAsync(SampleReports.WithLatencies(Enumerable.Range(1, 30_000).Select(i => i * 1.001).ToList()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await StoredRuns());
    }

    [Fact]
    public async Task Post_OversizedChunkedBody_Is413AndStoresNothing()
    {
        var json = MeasureJson.Serialize(SampleReports.WithLatencies(Enumerable.Range(1, 30_000).Select(i => i * 1.001).ToList()));
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/runs") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await server.Client(server.AdminToken).SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await StoredRuns());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("msr_000000000000_wrong")]
    [InlineData("garbage")]
    public async Task Post_MissingOrWrongToken_Is401AndStoresNothing(string? token)
    {
        using var response = await PostAsync(SampleReports.Valid(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await StoredRuns());
    }

    [Fact]
    public async Task Post_TamperedAdminSecret_Is401()
    {
        var tampered = server.AdminToken[..^1] + (server.AdminToken[^1] == 'A' ? 'B' : 'A');

        using var response = await PostAsync(SampleReports.Valid(), tampered);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Reads_NeedNoToken()
    {
        using var response = await server.Client().GetAsync("api/v1/runs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
