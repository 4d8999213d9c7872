using System.ComponentModel.DataAnnotations;

namespace Measure.Server.Hosting;

/// <summary>Bound from the "Server" configuration section and validated on start.</summary>
public sealed class ServerOptions
{
    public const string Section = "Server";

    /// <summary>Largest accepted run report body; larger uploads get 413.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxReportBytes { get; set; } = 64L << 20;

    /// <summary>When true (the default) dashboards and read APIs need no token.</summary>
    public bool PublicReads { get; set; } = true;

    /// <summary>Sustained requests per second allowed per token (bursts up to four times that); 0 disables the limit.</summary>
    [Range(0, 1_000_000)]
    public int RequestsPerSecondPerToken { get; set; } = 50;

    /// <summary>Address used in links the server prints (e.g. for the admin token and run URLs).</summary>
    public string? PublicUrl { get; set; }
}
