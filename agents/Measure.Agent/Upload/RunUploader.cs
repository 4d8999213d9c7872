using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Measure.Contracts;

namespace Measure.Agent.Upload;

/// <summary>Posts a report to the server with the agent's bearer token.</summary>
public sealed class RunUploader(HttpClient http)
{
    public sealed record Outcome(bool Succeeded, HttpStatusCode Status, RunAccepted? Accepted, string Message);

    public async Task<Outcome> UploadAsync(Uri server, string token, RunReport report, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, "api/v1/runs"))
        {
            Content = new StringContent(MeasureJson.Serialize(report), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            var accepted = await response.Content.ReadFromJsonAsync(MeasureJson.Context.RunAccepted, cancellationToken).ConfigureAwait(false);
            return new Outcome(true, response.StatusCode, accepted, "stored");
        }
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new Outcome(false, response.StatusCode, null, Describe(body));
    }

    /// <summary>The problem+json title, detail and field errors, or the raw body.</summary>
    private static string Describe(string body)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            var text = new StringBuilder();
            if (root.TryGetProperty("title", out var title))
                text.Append(title.GetString());
            if (root.TryGetProperty("detail", out var detail))
                text.Append(": ").Append(detail.GetString());
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in errors.EnumerateObject())
                    text.Append("; ").Append(field.Name).Append(": ").Append(string.Join(" ", field.Value.EnumerateArray().Select(e => e.GetString())));
            }
            return text.Length > 0 ? text.ToString() : body;
        }
        catch (JsonException)
        {
            return body.Length > 300 ? body[..300] : body;
        }
    }
}
