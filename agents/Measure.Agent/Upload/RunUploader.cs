using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Measure.Contracts;

namespace Measure.Agent.Upload;

/// <summary>Posts a report to the server with the agent's bearer token: one attempt, classified.</summary>
public sealed class RunUploader(HttpClient http)
{
    public Task<UploadOutcome> UploadAsync(Uri server, string token, RunReport report, CancellationToken cancellationToken) =>
        UploadJsonAsync(server, token, MeasureJson.Serialize(report), cancellationToken);

    /// <summary>Sends the report's exact bytes from the outbox, so every retry is byte-identical to the first try.</summary>
    public async Task<UploadOutcome> UploadJsonAsync(Uri server, string token, string reportJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, "api/v1/runs"))
        {
            Content = new StringContent(reportJson, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
            {
                var accepted = await response.Content.ReadFromJsonAsync(MeasureJson.Context.RunAccepted, cancellationToken).ConfigureAwait(false);
                return UploadOutcome.Delivered(response.StatusCode, accepted);
            }
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return UploadOutcome.FromFailure(response.StatusCode, ProblemText.Describe(body));
        }
        catch (HttpRequestException ex)
        {
            return UploadOutcome.NoAnswer($"no answer from {server}: {ex.Message}");
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient reports its own timeout as a cancellation the caller did not ask for.
            return UploadOutcome.NoAnswer($"no answer from {server} within {http.Timeout.TotalSeconds:0} s: {ex.Message}");
        }
    }
}
