using System.Net;
using System.Text;
using Measure.Contracts;
using Measure.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Measure.Server.Tests.Api;

/// <summary>Malformed, hostile and replayed uploads: each gets the right 4xx and nothing is stored.</summary>
public sealed class BadInputCorpusTests : IAsyncLifetime
{
    private RunningServer server = null!;

    public Task InitializeAsync()
    {
        server = RunningServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private static string Valid() => MeasureJson.Serialize(SampleReports.WithLatencies([1.5, 2.5]));

    public static TheoryData<string, string> Corpus() => new()
    {
        { "deeply nested", new string('[', 5000) + new string(']', 5000) },
        { "nesting inside a known field", Valid().Replace("\"labels\":{", "\"labels\":{\"x\":" + new string('[', 100) + new string(']', 100) + ",", StringComparison.Ordinal) },
        { "NaN literal", Valid().Replace("[1.5,", "[NaN,", StringComparison.Ordinal) },
        { "Infinity literal", Valid().Replace("[1.5,", "[Infinity,", StringComparison.Ordinal) },
        { "number overflow", Valid().Replace("[1.5,", "[1e999,", StringComparison.Ordinal) },
        { "string for number", Valid().Replace("\"schemaVersion\":1", "\"schemaVersion\":\"1\"", StringComparison.Ordinal) },
        { "object for array", Valid().Replace("\"isaFeatures\":[\"avx2\",\"fma\"]", "\"isaFeatures\":{}", StringComparison.Ordinal) },
        { "bad guid", Valid().Replace("\"runId\":\"", "\"runId\":\"zz", StringComparison.Ordinal) },
        { "bad date", Valid().Replace("\"startedAt\":\"2026", "\"startedAt\":\"yesterday-2026", StringComparison.Ordinal) },
        { "unknown enum", Valid().Replace("\"lowerIsBetter\"", "\"sideways\"", StringComparison.Ordinal) },
        { "truncated", Valid()[..(Valid().Length / 2)] },
        { "trailing garbage", Valid() + "}" },
        { "empty body", "" },
        { "empty required text", Valid().Replace("\"os\":\"Debian GNU/Linux 12\"", "\"os\":\"" + new string('x', 100) + "\"", StringComparison.Ordinal).Replace("\"cpuModel\":\"AMD EPYC\"", "\"cpuModel\":\"\"", StringComparison.Ordinal) },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Post_Malformed_Is400AndStoresNothing(string name, string body)
    {
        using var response = await server.Client(server.AdminToken).PostAsync("api/v1/runs", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await server.WithDbAsync(db => db.Runs.CountAsync()));
    }

    [Fact]
    public async Task Post_WrongContentType_Is415()
    {
        using var response = await server.Client(server.AdminToken).PostAsync("api/v1/runs", new StringContent(Valid(), Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Post_Replayed_ManyTimesConcurrently_StoresOnce()
    {
        var body = Valid();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var response = await server.Client(server.AdminToken).PostAsync("api/v1/runs", new StringContent(body, Encoding.UTF8, "application/json"));
            return response.StatusCode;
        }));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s));
        Assert.Equal(1, await server.WithDbAsync(db => db.Runs.CountAsync()));
        Assert.Equal(1, await server.WithDbAsync(db => db.WorkloadResults.CountAsync()));
    }
}
