namespace Measure.Agent.Upload;

public static class ServerAddress
{
    /// <summary>An absolute http(s) URL, normalised to end with '/' so relative API paths resolve under it.</summary>
    public static bool TryParse(string text, out Uri? server)
    {
        server = null;
        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return false;
        server = uri;
        return true;
    }
}
