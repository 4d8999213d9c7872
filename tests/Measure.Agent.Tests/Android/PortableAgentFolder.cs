using System.Text.Json;

namespace Measure.Agent.Tests.Android;

/// <summary>
/// The framework-dependent agent as a lab would ship it (<c>--portable-agent DIR</c>): measure-agent.dll, its
/// runtimeconfig and deps files, and exactly the assemblies its deps file names, copied from this test's build
/// output (which holds them because the test project references the agent). A missing dependency fails here.
/// </summary>
internal static class PortableAgentFolder
{
    public static string CreateIn(string parent)
    {
        var from = AppContext.BaseDirectory;
        var to = Directory.CreateDirectory(Path.Join(parent, "portable-agent")).FullName;
        var files = new List<string> { "measure-agent.dll", "measure-agent.runtimeconfig.json", "measure-agent.deps.json" };
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Join(from, "measure-agent.deps.json")));
        var target = deps.RootElement.GetProperty("runtimeTarget").GetProperty("name").GetString()!;
        foreach (var library in deps.RootElement.GetProperty("targets").GetProperty(target).EnumerateObject())
        {
            // Build output flattens lib/TFM/X.dll to X.dll and keeps satellite assemblies under their culture folder.
            if (library.Value.TryGetProperty("runtime", out var runtime))
                files.AddRange(runtime.EnumerateObject().Select(a => Path.GetFileName(a.Name)));
            if (library.Value.TryGetProperty("resources", out var resources))
                files.AddRange(resources.EnumerateObject().Select(r => Path.Join(r.Value.GetProperty("locale").GetString()!, Path.GetFileName(r.Name))));
        }
        foreach (var file in files.Distinct(StringComparer.Ordinal))
        {
            var source = Path.Join(from, file);
            if (!File.Exists(source))
                throw new FileNotFoundException($"measure-agent.deps.json names {file} but the build output at {from} has none", source);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Join(to, file))!);
            File.Copy(source, Path.Join(to, file));
        }
        return to;
    }
}
