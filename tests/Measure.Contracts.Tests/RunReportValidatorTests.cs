using Measure.Contracts;
using Measure.Tests.Shared;

namespace Measure.Contracts.Tests;

public class RunReportValidatorTests
{
    private static IReadOnlyList<ValidationError> Validate(RunReport report) => RunReportValidator.Validate(report, SampleReports.Now);

    [Fact]
    public void Validate_ValidReport_HasNoErrors() => Assert.Empty(Validate(SampleReports.Valid()));

    [Fact]
    public void Validate_NaNSample_NamesTheSample()
    {
        var report = SampleReports.Valid();
        var workload = report.Workloads[0] with { Samples = [new SampleSeries("latency", [1.0, double.NaN])] };

        var errors = Validate(report with { Workloads = [workload] });

        Assert.Contains(errors, e => e.Field == "workloads[0].samples[0].values[1]");
    }

    [Fact]
    public void Validate_NegativeDuration_IsRejected()
    {
        var report = SampleReports.Valid();
        var workload = report.Workloads[0] with { Samples = [new SampleSeries("latency", [-0.5])] };

        var errors = Validate(report with { Workloads = [workload] });

        Assert.Contains(errors, e => e.Field == "workloads[0].samples[0].values[0]" && e.Message.Contains("negative", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UndeclaredMetric_NamesIt()
    {
        var report = SampleReports.Valid();
        var workload = report.Workloads[0] with { Samples = [new SampleSeries("mystery", [1.0])] };

        var errors = Validate(report with { Workloads = [workload] });

        Assert.Contains(errors, e => e.Field == "workloads[0].samples[0].metric" && e.Message.Contains("mystery", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DerivedFromUndeclaredMetric_NamesIt()
    {
        var report = SampleReports.Valid();
        var metrics = report.Metrics.Append(new MetricDeclaration("tokens_per_second", "tokens/s", MetricDirection.HigherIsBetter, MetricAggregation.Median, DerivedFrom: "ghost")).ToList();

        var errors = Validate(report with { Metrics = metrics });

        Assert.Contains(errors, e => e.Field == $"metrics[{metrics.Count - 1}].derivedFrom" && e.Message.Contains("ghost", StringComparison.Ordinal));
    }

    [Fact]
    public void Serialize_MetricWithoutDerivedFrom_OmitsTheField()
    {
        var json = MeasureJson.Serialize(SampleReports.Valid() with { Metrics = [new MetricDeclaration("latency", "ms", MetricDirection.LowerIsBetter, MetricAggregation.Median)] });

        Assert.DoesNotContain("derivedFrom", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FinishedBeforeStarted_IsRejected()
    {
        var report = SampleReports.Valid();

        var errors = Validate(report with { FinishedAt = report.StartedAt.AddSeconds(-1) });

        Assert.Contains(errors, e => e.Field == "finishedAt");
    }

    [Fact]
    public void Validate_FutureSchemaVersion_IsRejected()
    {
        var errors = Validate(SampleReports.Valid() with { SchemaVersion = ProtocolVersion.RunReportSchema + 1 });

        Assert.Contains(errors, e => e.Field == "schemaVersion");
    }

    [Fact]
    public void Validate_EmptyRunIdAndNoWorkloads_ReportsBoth()
    {
        var errors = Validate(SampleReports.Valid(Guid.Empty) with { Workloads = [] });

        Assert.Contains(errors, e => e.Field == "runId");
        Assert.Contains(errors, e => e.Field == "workloads");
    }

    [Fact]
    public void Validate_BadContentHash_IsRejected()
    {
        var errors = Validate(SampleReports.Valid() with { Suite = new SuiteRef("quick", 1, "xyz") });

        Assert.Contains(errors, e => e.Field == "suite.contentHash");
    }

    [Fact]
    public void Validate_ValueWithoutReasonForAbsence_IsRejected()
    {
        var report = SampleReports.Valid();
        var workload = report.Workloads[0] with { Values = [new MetricValue("weight_bandwidth", null)] };

        var errors = Validate(report with { Workloads = [workload] });

        Assert.Contains(errors, e => e.Field == "workloads[0].values[0].unavailable");
    }

    [Fact]
    public void Validate_TraceWithMismatchedLengths_IsRejected()
    {
        var trace = new SensorTrace("package", "power", "W", "rapl", [0.0, 0.1], [5.0]);

        var errors = Validate(SampleReports.Valid() with { SensorTraces = [trace] });

        Assert.Contains(errors, e => e.Field == "sensorTraces[0].values");
    }
}
