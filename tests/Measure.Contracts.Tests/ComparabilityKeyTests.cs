using Measure.Contracts;
using Measure.Tests.Shared;

namespace Measure.Contracts.Tests;

public class ComparabilityKeyTests
{
    [Fact]
    public void Compute_SameWorkloadWithReorderedParameters_GivesSameKey()
    {
        var report = SampleReports.Valid();
        var workload = report.Workloads[0];
        var reordered = workload with { Parameters = new Dictionary<string, string> { ["cols"] = "1024", ["rows"] = "1024" } };

        Assert.Equal(
            ComparabilityKey.Compute(workload, report.Device, report.Suite),
            ComparabilityKey.Compute(reordered, report.Device, report.Suite));
    }

    [Fact]
    public void Compute_DifferentPrecisionDeviceOrSuiteVersion_GivesDifferentKeys()
    {
        var report = SampleReports.Valid();
        var workload = report.Workloads[0];
        var key = ComparabilityKey.Compute(workload, report.Device, report.Suite);

        Assert.NotEqual(key, ComparabilityKey.Compute(workload with { Precision = "q8_0" }, report.Device, report.Suite));
        Assert.NotEqual(key, ComparabilityKey.Compute(workload, report.Device with { CpuModel = "Cortex-A76" }, report.Suite));
        Assert.NotEqual(key, ComparabilityKey.Compute(workload, report.Device, report.Suite with { Version = 2 }));
    }
}
