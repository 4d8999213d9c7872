using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Measure.Server.Tests.Components;

/// <summary>Renders one component to HTML with the framework's HtmlRenderer and parses it with AngleSharp.</summary>
internal static class ComponentHtml
{
    public static async Task<(string Html, IHtmlDocument Document)> RenderAsync<TComponent>(IDictionary<string, object?> parameters, Action<IServiceCollection>? services = null)
        where TComponent : IComponent
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services?.Invoke(collection);
        await using var provider = collection.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, NullLoggerFactory.Instance);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        return (html, new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>"));
    }
}
