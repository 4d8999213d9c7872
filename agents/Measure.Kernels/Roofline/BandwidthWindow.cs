namespace Measure.Kernels.Roofline;

/// <summary>One timed window of the read-bandwidth probe.</summary>
/// <param name="Bytes">Bytes read.</param>
/// <param name="WallSeconds">Elapsed time.</param>
/// <param name="CpuSecondsPerThread">Process CPU time over the window divided by the thread count.</param>
internal readonly record struct BandwidthWindow(double Bytes, double WallSeconds, double CpuSecondsPerThread)
{
    public double WallGBps => Bytes / WallSeconds / 1e9;

    public double CpuGBps => Bytes / Math.Max(CpuSecondsPerThread, 1e-9) / 1e9;
}
