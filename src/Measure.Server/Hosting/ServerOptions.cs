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

    /// <summary>Address used in links the server prints (e.g. for the admin token and run URLs).</summary>
    public string? PublicUrl { get; set; }
}
