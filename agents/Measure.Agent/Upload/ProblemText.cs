using System.Text;
using System.Text.Json;

namespace Measure.Agent.Upload;

/// <summary>A server error body as one line: the problem+json title, detail and field errors, or the raw text.</summary>
public static class ProblemText
{
    public static string Describe(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Shorten(body);
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
            return text.Length > 0 ? text.ToString() : Shorten(body);
        }
        catch (JsonException)
        {
            return Shorten(body);
        }
    }

    private static string Shorten(string body) => body.Length > 300 ? body[..300] : body;
}
