namespace Measure.Contracts;

/// <summary>
/// The device's own limits, probed with the agent's kernels, so each result can be shown as a
/// fraction of what this hardware can do. Null members were not probed.
/// </summary>
public sealed record DeviceLimits(
    string Isa,
    int Threads,
    double? ReadBandwidthGBps1Thread = null,
    double? ReadBandwidthGBpsAllThreads = null,
    double? Int8Gops1Thread = null,
    double? Int8GopsAllThreads = null,
    double? Fp32Gflops1Thread = null,
    double? Fp32GflopsAllThreads = null);
