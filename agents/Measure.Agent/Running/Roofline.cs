using System.Globalization;
using Measure.Contracts;

namespace Measure.Agent.Running;

/// <summary>A weight bandwidth as a fraction of the device's probed read bandwidth at the same thread count.</summary>
public static class Roofline
{
    public const string NotProbed = "device read bandwidth not probed (measure-agent probe)";

    /// <summary>The probed read bandwidth in GB/s for a thread count, or null when not probed.</summary>
    public static double? ReadBandwidthGBps(int threads, DeviceLimits? limits) =>
        threads == 1 ? limits?.ReadBandwidthGBps1Thread : limits?.ReadBandwidthGBpsAllThreads;

    public static MetricValue Fraction(double bandwidthGBps, int threads, DeviceLimits? limits) =>
        ReadBandwidthGBps(threads, limits) is { } gbps
            ? new MetricValue(StandardMetrics.RooflineFraction.Name, bandwidthGBps / gbps, Source: string.Create(CultureInfo.InvariantCulture, $"vs probed read bandwidth {gbps:0.0} GB/s"))
            : new MetricValue(StandardMetrics.RooflineFraction.Name, null, Unavailable: NotProbed);
}
