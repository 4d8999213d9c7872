using System.Text.Json;
using System.Text.Json.Serialization;
using Measure.Agent.Device;
using Measure.Agent.Fleet;
using Measure.Agent.Outbox;
using Measure.Kernels.Benchmarking;

namespace Measure.Agent;

/// <summary>Source-generated JSON for the agent's own files and --json output (trimming-safe, like the wire contracts).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CachedDeviceLimits))]
[JsonSerializable(typeof(KernelBenchmarkReport))]
[JsonSerializable(typeof(AgentCredential))]
[JsonSerializable(typeof(OutboxListing))]
public sealed partial class AgentJsonContext : JsonSerializerContext
{
    // Built from fresh options, not Default's: static initializers of a partial class run in an unspecified order.
    private static readonly Lazy<AgentJsonContext> IndentedContext = new(() => new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    }));

    public static AgentJsonContext Indented => IndentedContext.Value;
}
