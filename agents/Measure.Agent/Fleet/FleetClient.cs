using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using Measure.Agent.Upload;
using Measure.Contracts;
using Measure.Contracts.Fleet;

namespace Measure.Agent.Fleet;

/// <summary>
/// The agent's side of the fleet routes in <c>Measure.Contracts.Fleet</c>: enroll (no bearer: the
/// one-time token is in the body), heartbeat, lease, renew, complete and fail (with the agent token).
/// </summary>
public sealed class FleetClient(HttpClient http, Uri server, string? agentToken)
{
    private static MeasureJsonContext Json => MeasureJson.Context;

    public Uri Server => server;

    public async Task<EnrollResponse> EnrollAsync(EnrollRequest request, CancellationToken cancellationToken)
    {
        using var response = await PostAsync("api/v1/agents/enroll", request, Json.EnrollRequest, authenticated: false, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, Json.EnrollResponse, cancellationToken).ConfigureAwait(false);
    }

    public async Task<HeartbeatResponse> HeartbeatAsync(HeartbeatRequest request, CancellationToken cancellationToken)
    {
        using var response = await PostAsync("api/v1/agents/heartbeat", request, Json.HeartbeatRequest, authenticated: true, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, Json.HeartbeatResponse, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A job for this agent, or null when the server has none (204).</summary>
    public async Task<JobLease?> LeaseAsync(LeaseRequest request, CancellationToken cancellationToken)
    {
        using var response = await PostAsync("api/v1/jobs/lease", request, Json.LeaseRequest, authenticated: true, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NoContent)
            return null;
        return await ReadAsync(response, Json.JobLease, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The new expiry, or null when the lease was lost (409: expired and taken by another agent).</summary>
    public async Task<RenewResponse?> RenewAsync(Guid jobId, RenewRequest request, CancellationToken cancellationToken)
    {
        using var response = await PostAsync($"api/v1/jobs/{jobId:D}/renew", request, Json.RenewRequest, authenticated: true, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Conflict)
            return null;
        return await ReadAsync(response, Json.RenewResponse, cancellationToken).ConfigureAwait(false);
    }

    public async Task CompleteAsync(Guid jobId, CompleteJobRequest request, CancellationToken cancellationToken)
    {
        using var response = await PostAsync($"api/v1/jobs/{jobId:D}/complete", request, Json.CompleteJobRequest, authenticated: true, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    public async Task FailAsync(Guid jobId, FailJobRequest request, CancellationToken cancellationToken)
    {
        using var response = await PostAsync($"api/v1/jobs/{jobId:D}/fail", request, Json.FailJobRequest, authenticated: true, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> PostAsync<T>(string path, T body, JsonTypeInfo<T> typeInfo, bool authenticated, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, path)) { Content = JsonContent.Create(body, typeInfo) };
        if (authenticated)
        {
            if (string.IsNullOrWhiteSpace(agentToken))
                throw new InvalidOperationException($"POST /{path} needs the agent token: enroll first");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", agentToken);
        }
        try
        {
            return await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new FleetException($"POST /{path}: no answer from {server} ({ex.Message})", null, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FleetException($"POST /{path}: no answer from {server} within {http.Timeout.TotalSeconds:0} s", null, ex);
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken).ConfigureAwait(false)
            ?? throw new FleetException($"{response.RequestMessage?.RequestUri}: empty answer", response.StatusCode);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
            return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw new FleetException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}: {(int)response.StatusCode} {ProblemText.Describe(body)}", response.StatusCode);
    }
}
