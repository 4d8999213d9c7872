using Measure.Cli.Exports;
using Measure.Tests.Shared;

namespace Measure.Cli.Tests.Exports;

public class ExportTableTests
{
    [Fact]
    public void From_SampleGranularity_OneRowPerSampleAndPerValue()
    {
        var table = ExportTable.From([SampleReports.Valid()], ExportGranularity.Sample);
        // 3 latency samples + weight_bandwidth + unavailable roofline_fraction
        Assert.Equal(5, table.Rows.Count);
        var value = table.Columns.ToList().IndexOf("value");
        var metric = table.Columns.ToList().IndexOf("metric");
        Assert.Equal([1.5, 1.25, 1.75], table.Rows.Where(r => (string)r[metric]! == "latency").Select(r => (double)r[value]!));
        var unavailable = table.Rows.Single(r => (string)r[metric]! == "roofline_fraction");
        Assert.Null(unavailable[value]);
        Assert.Equal("device not probed", unavailable[table.Columns.ToList().IndexOf("unavailable")]);
    }

    [Fact]
    public void From_AggregateGranularity_OneRowPerMetricWithDeclaredAggregate()
    {
        var table = ExportTable.From([SampleReports.Valid()], ExportGranularity.Aggregate);
        var columns = table.Columns.ToList();
        var latency = table.Rows.Single(r => (string)r[columns.IndexOf("metric")]! == "latency");
        Assert.Equal(3, latency[columns.IndexOf("count")]);
        Assert.Equal("median", latency[columns.IndexOf("aggregation")]);
        Assert.Equal(1.5, latency[columns.IndexOf("aggregate")]);
        Assert.Equal(1.25, latency[columns.IndexOf("min")]);
        Assert.Equal("lowerIsBetter", latency[columns.IndexOf("direction")]);
        Assert.Equal("cols=1024;rows=1024", latency[columns.IndexOf("parameters")]);
    }
}
