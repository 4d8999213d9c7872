using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Measure.Server.Fleet;

/// <summary>
/// The server's view of a suite sent with a job: it must be one YAML mapping with a suite id. The agent
/// validates the rest strictly before running (it knows the workloads); the server only refuses garbage early.
/// </summary>
public static class SuiteYaml
{
    public const int MaxLength = 256 * 1024;

    public static bool TryReadId(string yaml, out string id, out string error)
    {
        id = error = "";
        if (yaml.Length > MaxLength)
        {
            error = $"suite YAML is longer than {MaxLength} characters";
            return false;
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            error = $"invalid YAML at line {ex.Start.Line}: {ex.Message}";
            return false;
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("suite"), out var suite) || suite is not YamlScalarNode { Value: { Length: > 0 } value })
        {
            error = "a suite is one YAML mapping with a 'suite' id";
            return false;
        }
        id = value;
        return true;
    }
}
