using System.Text.Json;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Roofline;

namespace Measure.Kernels.Tests.Roofline;

public class RooflineProbeTests
{
    [Fact]
    public void Measure_SmallBufferQuick_ReportsPositiveLimitsForTheChosenIsa()
    {
        var limits = RooflineProbe.Measure(threads: 2, isa: KernelIsa.Scalar, bufferBytes: 4 << 20, quick: true);
        Assert.Equal("scalar", limits.Isa);
        Assert.Equal(2, limits.Threads);
        Assert.Equal(4 << 20, limits.BufferBytes);
        Assert.All(
            new[] { limits.ReadBandwidthGBps1T, limits.ReadBandwidthGBpsAllT, limits.Int8GopsPeak1T, limits.Int8GopsPeakAllT, limits.Fp32GflopsPeak1T, limits.Fp32GflopsPeakAllT },
            value => Assert.True(value > 0 && double.IsFinite(value), $"limit {value} should be positive"));
    }

    [Fact]
    public void Measure_BufferBelowOneMiB_ThrowsNamingBufferBytes()
    {
        var error = Assert.Throws<ArgumentException>(() => RooflineProbe.Measure(1, KernelIsa.Scalar, bufferBytes: 1000));
        Assert.Equal("bufferBytes", error.ParamName);
    }

    [Fact]
    public void DeviceLimits_SerializedWithSystemTextJson_RoundTrips()
    {
        var limits = new DeviceLimits(10.5, 20, 100, 200, 50, 100, "avx2", 2, 1 << 30);
        var json = JsonSerializer.Serialize(limits);
        Assert.Contains("\"ReadBandwidthGBps1T\":10.5", json, StringComparison.Ordinal);
        Assert.Equal(limits, JsonSerializer.Deserialize<DeviceLimits>(json));
    }

    [Theory]
    [InlineData(KernelIsa.Avx512, 12 * 2 * 64)]
    [InlineData(KernelIsa.Avx2, 12 * 2 * 32)]
    [InlineData(KernelIsa.Vector128, 12 * 2 * 16)]
    [InlineData(KernelIsa.Scalar, 12 * 2)]
    public void OpsPerIteration_Int8_CountsMultiplyAndAddPerLane(KernelIsa isa, double expected) =>
        Assert.Equal(expected, ComputePeak.OpsPerIteration(isa, ComputePeak.Kind.Int8));
}
