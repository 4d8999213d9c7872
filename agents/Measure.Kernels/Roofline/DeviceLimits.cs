namespace Measure.Kernels.Roofline;

/// <summary>
/// This device's own limits, measured with the agent's code: memory read bandwidth (buffer far larger
/// than the last-level cache), peak int8 throughput (the dot-product instruction mix the int8 kernels
/// use) and peak FP32 FMA throughput, each on one thread and on all threads.
/// </summary>
/// <param name="ReadBandwidthGBps1T">Read bandwidth of one thread, GB/s (10^9 bytes).</param>
/// <param name="ReadBandwidthGBpsAllT">Read bandwidth of all threads together, GB/s.</param>
/// <param name="Int8GopsPeak1T">int8 multiply-accumulate throughput of one thread, GOP/s (a MAC counts 2).</param>
/// <param name="Int8GopsPeakAllT">int8 throughput of all threads, GOP/s.</param>
/// <param name="Fp32GflopsPeak1T">FP32 FMA throughput of one thread, GFLOP/s (an FMA counts 2).</param>
/// <param name="Fp32GflopsPeakAllT">FP32 throughput of all threads, GFLOP/s.</param>
/// <param name="Isa">Kernel family that ran the probe (avx512, avx2, vector128, scalar).</param>
/// <param name="Threads">Thread count of the all-threads figures.</param>
/// <param name="BufferBytes">Size of the bandwidth buffer.</param>
public sealed record DeviceLimits(
    double ReadBandwidthGBps1T,
    double ReadBandwidthGBpsAllT,
    double Int8GopsPeak1T,
    double Int8GopsPeakAllT,
    double Fp32GflopsPeak1T,
    double Fp32GflopsPeakAllT,
    string Isa,
    int Threads,
    long BufferBytes);
