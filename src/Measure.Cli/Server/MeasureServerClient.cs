using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Measure.Contracts;

namespace Measure.Cli.Server;

/// <summary>
/// The CLI's view of the Measure server's runs API: list (with filters), fetch and upload runs. Every failure
/// becomes a <see cref="ServerException"/> naming the request, so commands can report it and exit 2.
/// </summary>
public sealed class MeasureServerClient
{
    /// <summary>The server caps a page at this size.</summary>
    public const int MaxPageSize = 100;

    private readonly HttpClient http;
    private readonly Uri baseAddress;
    private readonly string? token;

    public MeasureServerClient(HttpClient http, Uri baseAddress, string? token = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (!baseAddress.IsAbsoluteUri || baseAddress.Scheme is not ("http" or "https"))
            throw new ArgumentException($"The server URL must be an absolute http(s) URL; got '{baseAddress}'.", nameof(baseAddress));
        this.http = http;
        this.baseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        this.token = string.IsNullOrWhiteSpace(token) ? null : token;
    }

    public Uri BaseAddress => baseAddress;

    /// <summary>One page of runs, newest first, that match <paramref name="filter"/>.</summary>
    public async Task<Page<RunSummary>> ListRunsAsync(RunFilter filter, int limit, string? cursor = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);
        var query = filter.ToQuery().Append(new("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (cursor is not null)
            query = query.Append(new("cursor", cursor));
        var path = "api/v1/runs?" + string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, $"listing runs ({filter})", cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, MeasureJson.Context.PageRunSummary, "run list", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The full report of one run, or a <see cref="ServerException"/> when it does not exist.</summary>
    public async Task<RunReport> GetRunAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, $"api/v1/runs/{runId}", null, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
            throw new ServerException($"run {runId} not found on {baseAddress}");
        await EnsureSuccessAsync(response, $"fetching run {runId}", cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, MeasureJson.Context.RunReport, $"run {runId}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Uploads a run; re-uploading the identical run is accepted again (the server is idempotent on the id).</summary>
    public async Task<RunAccepted> UploadAsync(RunReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var content = new StringContent(MeasureJson.Serialize(report), Encoding.UTF8, "application/json");
        using var response = await SendAsync(HttpMethod.Post, "api/v1/runs", content, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, $"uploading run {report.RunId}", cancellationToken).ConfigureAwait(false);
        return await ReadJsonAsync(response, MeasureJson.Context.RunAccepted, "upload answer", cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string relative, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseAddress, relative)) { Content = content };
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            return await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new ServerException($"cannot reach {baseAddress}: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServerException($"{method} {relative} on {baseAddress} timed out", ex);
        }
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
            return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var hint = response.StatusCode == HttpStatusCode.Unauthorized ? " (pass --token or set MEASURE_TOKEN)" : "";
        var detail = body.Length > 500 ? body[..500] + "..." : body;
        throw new ServerException($"{what} failed on {baseAddress}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}{hint}{(detail.Length > 0 ? ": " + detail : "")}");
    }

    private async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string what, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return await JsonSerializer.DeserializeAsync(stream, type, cancellationToken).ConfigureAwait(false)
                ?? throw new ServerException($"{baseAddress} answered JSON null for the {what}");
        }
        catch (JsonException ex)
        {
            throw new ServerException($"{baseAddress} sent an unreadable {what} at {ex.Path ?? "$"}: {ex.Message}", ex);
        }
    }
}
