using ContractLimits = Measure.Contracts.DeviceLimits;
using KernelLimits = Measure.Kernels.Roofline.DeviceLimits;

namespace Measure.Agent.Device;

/// <summary>The kernels' probe result in the report's wire shape.</summary>
public static class DeviceLimitsMapping
{
    public static ContractLimits ToContract(KernelLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return new ContractLimits(
            limits.Isa,
            limits.Threads,
            ReadBandwidthGBps1Thread: limits.ReadBandwidthGBps1T,
            ReadBandwidthGBpsAllThreads: limits.ReadBandwidthGBpsAllT,
            Int8Gops1Thread: limits.Int8GopsPeak1T,
            Int8GopsAllThreads: limits.Int8GopsPeakAllT,
            Fp32Gflops1Thread: limits.Fp32GflopsPeak1T,
            Fp32GflopsAllThreads: limits.Fp32GflopsPeakAllT);
    }
}
