using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using Measure.Contracts;
using Measure.Contracts.Fleet;
using Measure.Tests.Shared;

namespace Measure.Server.Tests.Fleet;

/// <summary>What an agent or an admin does over HTTP, in one line per call, for the fleet tests.</summary>
internal sealed class FleetClient(RunningServer server)
{
    private static MeasureJsonContext Json => MeasureJson.Context;

    public async Task<T> PostAsync<TRequest, T>(string path, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<T> responseType, string? token)
    {
        using var response = await server.Client(token).PostAsJsonAsync(path, body, requestType);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync(responseType))!;
    }

    public async Task<HttpStatusCode> PostStatusAsync<TRequest>(string path, TRequest body, JsonTypeInfo<TRequest> requestType, string? token)
    {
        using var response = await server.Client(token).PostAsJsonAsync(path, body, requestType);
        return response.StatusCode;
    }

    public async Task<string> EnrollmentTokenAsync(params string[] tags) => await EnrollmentTokenAsync(uses: 1, tags);

    public async Task<string> EnrollmentTokenAsync(int uses, params string[] tags) =>
        (await PostAsync("api/v1/enrollment-tokens", new CreateEnrollmentTokenRequest(tags, 30, uses), Json.CreateEnrollmentTokenRequest, Json.EnrollmentTokenCreated, server.AdminToken)).Token;

    public async Task<EnrollResponse> EnrollAsync(string name, params string[] tags)
    {
        var enrollment = await EnrollmentTokenAsync(tags);
        var device = SampleReports.Valid().Device with { Hostname = name };
        return await PostAsync("api/v1/agents/enroll", new EnrollRequest(enrollment, name, device, []), Json.EnrollRequest, Json.EnrollResponse, token: null);
    }

    public async Task<IReadOnlyList<Guid>> CreateJobAsync(DeviceSelector selector, int priority = 0, string? token = null) =>
        (await PostAsync("api/v1/jobs", new CreateJobRequest("suite: quick\nversion: 1\n", selector, priority), Json.CreateJobRequest, Json.JobCreated, token ?? server.AdminToken)).JobIds;

    /// <summary>The lease, or null when the server answered 204 (nothing to do).</summary>
    public async Task<JobLease?> LeaseAsync(string agentToken, int visibilitySeconds = 60)
    {
        using var response = await server.Client(agentToken).PostAsJsonAsync("api/v1/jobs/lease", new LeaseRequest(visibilitySeconds), Json.LeaseRequest);
        if (response.StatusCode == HttpStatusCode.NoContent)
            return null;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync(Json.JobLease);
    }

    public async Task<Guid> UploadRunAsync(string token)
    {
        var report = SampleReports.WithLatencies([1, 2, 3]);
        using var response = await server.Client(token).PostAsJsonAsync("api/v1/runs", report, Json.RunReport);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return report.RunId;
    }
}
