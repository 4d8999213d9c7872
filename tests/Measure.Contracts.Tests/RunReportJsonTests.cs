using System.Text.Json;
using Measure.Contracts;
using Measure.Tests.Shared;

namespace Measure.Contracts.Tests;

public class RunReportJsonTests
{
    [Fact]
    public void Serialize_ThenDeserialize_PreservesEveryField()
    {
        var report = SampleReports.Valid();

        var json = MeasureJson.Serialize(report);
        var back = MeasureJson.DeserializeReport(json);

        Assert.Equal(MeasureJson.Serialize(back), json);
        Assert.Equal(report.RunId, back.RunId);
        Assert.Equal([1.5, 1.25, 1.75], back.Workloads[0].Samples[0].Values);
        Assert.Null(back.Workloads[0].Values![1].Value);
        Assert.Equal("device not probed", back.Workloads[0].Values![1].Unavailable);
        Assert.Equal(MetricDirection.LowerIsBetter, back.Metrics.Single(m => m.Name == "latency").Direction);
    }

    [Fact]
    public void Serialize_Enums_UseCamelCaseNames()
    {
        var json = MeasureJson.Serialize(SampleReports.Valid());

        Assert.Contains("\"direction\":\"lowerIsBetter\"", json, StringComparison.Ordinal);
        Assert.Contains("\"aggregation\":\"median\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_MissingRequiredField_NamesTheField()
    {
        var json = MeasureJson.Serialize(SampleReports.Valid()).Replace("\"cpuModel\":\"AMD EPYC\",", "", StringComparison.Ordinal);

        var error = Assert.Throws<JsonException>(() => MeasureJson.DeserializeReport(json));

        Assert.Contains("cpuModel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_NullForNonNullableField_NamesThePath()
    {
        var json = MeasureJson.Serialize(SampleReports.Valid()).Replace("\"os\":\"Debian GNU/Linux 12\"", "\"os\":null", StringComparison.Ordinal);

        var error = Assert.Throws<JsonException>(() => MeasureJson.DeserializeReport(json));

        Assert.Contains("os", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_UnknownMember_IsRejected()
    {
        var json = MeasureJson.Serialize(SampleReports.Valid()).Replace("{\"schemaVersion\"", "{\"surprise\":1,\"schemaVersion\"", StringComparison.Ordinal);

        var error = Assert.Throws<JsonException>(() => MeasureJson.DeserializeReport(json));

        Assert.Contains("surprise", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("\"1.5\"")]
    public void Deserialize_NonNumericSample_IsRejectedWithPath(string sample)
    {
        var json = MeasureJson.Serialize(SampleReports.Valid()).Replace("[1.5,", $"[{sample},", StringComparison.Ordinal);

        var error = Assert.ThrowsAny<JsonException>(() => MeasureJson.DeserializeReport(json));

        Assert.Contains("$.workloads[0].samples[0].values[0]", error.Message, StringComparison.Ordinal);
    }
}
