using System.Globalization;
using Measure.Sensors.Commands;
using Measure.Sensors.IO;

namespace Measure.Sensors.Clocks;

/// <summary>
/// The Jetson power mode: `nvpmodel -q` prints "NV Power Mode: 15W" then the mode id. Without the
/// tool, /var/lib/nvpmodel/status ("pmode:0000 ...") still gives the id.
/// </summary>
public sealed record NvpmodelMode(int? Id, string? Name)
{
    private static readonly string[] Arguments = ["-q"];

    public static NvpmodelMode? Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        string? name = null;
        int? id = null;
        foreach (var rawLine in output.Split('\n'))
        {
            var line = rawLine.Trim();
            const string prefix = "NV Power Mode:";
            if (line.StartsWith(prefix, StringComparison.Ordinal))
                name = line[prefix.Length..].Trim();
            else if (name is not null && id is null && int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                id = parsed;
        }
        return name is null ? null : new NvpmodelMode(id, name);
    }

    public static NvpmodelMode? Read(ICommandRunner runner, SysRoot root)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(root);
        var result = runner.TryRun("nvpmodel", Arguments, TimeSpan.FromSeconds(5));
        if (result is { Succeeded: true } && Parse(result.StandardOutput) is { } fromTool)
            return fromTool;
        var status = root.TryReadLine("/var/lib/nvpmodel/status");
        if (status is null)
            return null;
        var field = status.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(f => f.StartsWith("pmode:", StringComparison.Ordinal));
        return field is not null && int.TryParse(field.AsSpan("pmode:".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new NvpmodelMode(id, null)
            : null;
    }
}
