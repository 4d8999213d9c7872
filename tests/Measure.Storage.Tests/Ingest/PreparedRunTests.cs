using Measure.Contracts;
using Measure.Storage.Ingest;
using Measure.Tests.Shared;

namespace Measure.Storage.Tests.Ingest;

public sealed class PreparedRunTests
{
    [Fact]
    public void From_Report_CarriesItsContentHashAndPackedSize()
    {
        var report = SampleReports.WithLatencies([1, 2, 3]) with
        {
            SensorTraces = [new SensorTrace("package", "power", "W", "rapl", [0.0, 0.1], [4.5, 5.25])],
        };

        var prepared = PreparedRun.From(report, SampleReports.Now);

        Assert.Equal(report.RunId, prepared.RunId);
        Assert.Equal(ReportHash.Compute(report), prepared.ReportHash);
        // A format byte and eight bytes per value, for the three samples and the trace's times and values.
        Assert.Equal((1 + (3 * 8)) + (2 * (1 + (2 * 8))), prepared.PayloadBytes);
    }

    [Fact]
    public void From_NullReport_ThrowsNamingIt() =>
        Assert.Equal("report", Assert.Throws<ArgumentNullException>(() => PreparedRun.From(null!, SampleReports.Now)).ParamName);
}
