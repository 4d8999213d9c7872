using System.Security.Cryptography;
using System.Text;
using Measure.Contracts;
using Measure.Tests.Shared;

namespace Measure.Storage.Tests;

public class ReportHashTests
{
    [Fact]
    public void Compute_SameContentParsedFromOtherFormatting_IsEqual()
    {
        var report = SampleReports.WithLatencies([1.5, 2.25, 3.125]);

        var fromCompact = MeasureJson.DeserializeReport(MeasureJson.Serialize(report));
        var fromIndented = MeasureJson.DeserializeReport(MeasureJson.Serialize(report, indented: true));

        Assert.Equal(ReportHash.Compute(fromCompact), ReportHash.Compute(fromIndented));
        Assert.StartsWith("v2:", ReportHash.Compute(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_OneSampleOrOneFieldChanged_Differs()
    {
        var report = SampleReports.WithLatencies([1.5, 2.25, 3.125]);
        var hash = ReportHash.Compute(report);

        Assert.NotEqual(hash, ReportHash.Compute(SampleReports.WithLatencies([1.5, 2.25, 3.1250001], report.RunId)));
        Assert.NotEqual(hash, ReportHash.Compute(report with { Device = report.Device with { CpuModel = "other" } }));
        // Moving a value from one series to the next must not collide: counts are hashed too.
        var split = report with { Workloads = [report.Workloads[0] with { Samples = [new SampleSeries("latency", [1.5]), new SampleSeries("latency", [2.25, 3.125])] }] };
        Assert.NotEqual(hash, ReportHash.Compute(split));
    }

    [Fact]
    public void Matches_HashStoredByTheFirstVersion_StillRecognisesTheSameReport()
    {
        var report = SampleReports.WithLatencies([4, 5, 6]);
        var version1 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(MeasureJson.Serialize(report))));
        var current = ReportHash.Compute(report);

        Assert.True(ReportHash.Matches(version1, report, current));
        Assert.False(ReportHash.Matches(version1, SampleReports.WithLatencies([4, 5, 7], report.RunId), current));
        Assert.True(ReportHash.Matches(current, report, current));
    }
}
