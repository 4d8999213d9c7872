using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Measure.Server.Api;

/// <summary>
/// Reads a JSON request body within a size limit into a contract type. Errors become problem+json that
/// names the JSON path (400), the limit (413) or the media type (415); nothing is half-read into storage.
/// </summary>
public static class RequestJson
{
    public sealed record Result<T>(T? Value, IResult? Problem);

    public static async Task<Result<T>> ReadAsync<T>(HttpContext http, JsonTypeInfo<T> type, long limit, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength > limit)
            return new(default, TooLarge(limit));
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
            sizeFeature.MaxRequestBodySize = limit;
        if (!http.Request.HasJsonContentType())
            return new(default, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: "Send application/json."));
        try
        {
            var value = await JsonSerializer.DeserializeAsync(new LimitedStream(http.Request.Body, limit), type, cancellationToken).ConfigureAwait(false);
            return value is null
                ? new(default, Invalid("$", "The body is JSON null."))
                : new(value, null);
        }
        catch (JsonException ex)
        {
            return new(default, Invalid(ex.Path ?? "$", ex.Message));
        }
        catch (Exception ex) when (ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or LimitedStream.TooLargeException)
        {
            return new(default, TooLarge(limit));
        }
    }

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request body is not valid.");

    public static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large",
            detail: $"Request bodies are limited to {limit} bytes.");
}
