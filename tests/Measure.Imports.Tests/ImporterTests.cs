using Measure.Imports;
using Measure.Contracts;
using Measure.Tests.Shared;

namespace Measure.Imports.Tests;

public class ImporterTests
{
    private static readonly DateTimeOffset Now = SampleReports.Now;

    [Fact]
    public void Import_BenchmarkDotNetFull_TakesActualWorkloadIterationsPerOperation()
    {
        var run = Importer.Import(Fixture.Path("bdn-full.json"), Now);

        Assert.Equal("import:benchmarkdotnet", run.Suite.Id);
        Assert.Empty(RunReportValidator.Validate(run, Now));
        Assert.Equal("AMD EPYC 7B13", run.Device.CpuModel);
        Assert.Equal(2, run.Device.LogicalCores);
        Assert.Equal(new DateTimeOffset(2025, 3, 12, 10, 15, 2, TimeSpan.Zero), run.StartedAt);
        Assert.Equal(2, run.Workloads.Count);
        var f32 = run.Workloads.Single(w => w.Workload.Contains("F32", StringComparison.Ordinal));
        Assert.Equal("1024", f32.Parameters["Rows"]);
        Assert.Equal("DefaultJob", f32.Parameters["job"]);
        var samples = Assert.Single(f32.Samples);
        Assert.Equal("time_per_op", samples.Metric);
        Assert.Equal(15, samples.Values.Count); // the 15 Workload/Actual iterations, not pilot, warm-up, overhead or result
        Assert.All(samples.Values, ns => Assert.InRange(ns, 412000 * 0.9, 412000 * 1.1));
        Assert.Equal(0, f32.Values!.Single(v => v.Metric == "allocated_per_op").Value);
    }

    [Fact]
    public void Import_SameFileTwice_SameRunIdAndContentHash()
    {
        var first = Importer.Import(Fixture.Path("bdn-full.json"), Now);
        var second = Importer.Import(Fixture.Path("bdn-full.json"), Now);
        Assert.Equal(first.RunId, second.RunId);
        Assert.Equal(64, first.Suite.ContentHash.Length);
        Assert.Equal(first.Suite.ContentHash, second.Suite.ContentHash);
    }

    [Fact]
    public void Import_BenchmarkDotNetBrief_FailsAskingForTheFullExporter()
    {
        var ex = Assert.Throws<ImportException>(() => Importer.Import(Fixture.Path("bdn-brief.json"), Now));
        Assert.Contains("bdn-brief.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("JsonExporter.Full", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_LlamaBenchJson_PrefillAndDecodeTestsWithLatencyAndTokenRates()
    {
        var run = Importer.Import(Fixture.Path("llama-bench.json"), Now);

        Assert.Equal("import:llama-bench", run.Suite.Id);
        Assert.Empty(RunReportValidator.Validate(run, Now));
        Assert.Equal("Cortex-A76", run.Device.CpuModel);
        Assert.Equal(new DateTimeOffset(2025, 5, 20, 8, 14, 3, TimeSpan.Zero), run.StartedAt);
        var pp = run.Workloads.Single(w => w.Workload == "pp512");
        Assert.Equal("Q8_0", pp.Precision);
        Assert.Equal(4, pp.Threads);
        Assert.Equal("CPU", pp.Isa);
        Assert.Equal(6140.2, pp.Samples.Single(s => s.Metric == "latency").Values[0], 6);
        Assert.Equal(512 / 6.1402, pp.Samples.Single(s => s.Metric == "prefill_tokens_per_second").Values[0], 6);
        var tg = run.Workloads.Single(w => w.Workload == "tg128");
        Assert.Equal(5, tg.Samples.Single(s => s.Metric == "decode_tokens_per_second").Values.Count);
        Assert.Equal(MetricDirection.HigherIsBetter, run.Metrics.Single(m => m.Name == "decode_tokens_per_second").Direction);
    }

    [Fact]
    public void Import_LlamaBenchJsonl_ReadsEveryLineAndDepth()
    {
        var run = Importer.Import(Fixture.Path("llama-bench.jsonl"), Now);
        Assert.Equal(["pp512 @ d512", "tg128"], run.Workloads.Select(w => w.Workload));
        Assert.Equal("512", run.Workloads[0].Parameters["n_depth"]);
    }

    [Fact]
    public void Import_MlPerfSummary_LatencyPercentilesInMsAndThroughput()
    {
        // The summary carries no timestamps: the run is dated by the file's modification time, pinned here
        // so the test does not depend on when the repository was checked out.
        var path = Fixture.Path("mlperf_log_summary.txt");
        var modified = Now.AddHours(-3).UtcDateTime;
        var run = Importer.Import(ImportSource.FromBytes(path, File.ReadAllBytes(path), modified), Now);

        Assert.Equal(new DateTimeOffset(modified), run.StartedAt);

        Assert.Equal("import:mlperf", run.Suite.Id);
        Assert.Empty(RunReportValidator.Validate(run, Now));
        Assert.Contains(ImportedRun.DeviceUnknownFlag, run.Flags!);
        var workload = Assert.Single(run.Workloads);
        Assert.Equal("SingleStream", workload.Parameters["scenario"]);
        Assert.Equal("PerformanceOnly", workload.Parameters["mode"]);
        var values = workload.Values!.ToDictionary(v => v.Metric, v => v.Value);
        Assert.Equal(4.7275, values["latency_p90"]!.Value, 9);
        Assert.Equal(13.8741, values["latency_p99.9"]!.Value, 9);
        Assert.Equal(215.01, values["qps"]!.Value, 9);
        Assert.Null(workload.Flags);
    }

    [Fact]
    public void Import_MlPerfDetail_ReadsMllogEntriesAndFlagsInvalidResult()
    {
        var run = Importer.Import(Fixture.Path("mlperf_log_detail.txt"), Now);

        var workload = Assert.Single(run.Workloads);
        Assert.Equal(new DateTimeOffset(2025, 3, 12, 9, 30, 41, TimeSpan.Zero), run.StartedAt);
        Assert.Equal(41.0139, workload.Values!.Single(v => v.Metric == "latency_p90").Value!.Value, 9);
        Assert.Equal(31.329862, workload.Values!.Single(v => v.Metric == "latency_mean").Value!.Value, 9);
        Assert.Contains(MlPerfImporter.InvalidFlag, workload.Flags!);
    }

    [Fact]
    public void Import_UnknownFormat_NamesFileAndExpectedFormats()
    {
        var ex = Assert.Throws<ImportException>(() => Importer.Import(Fixture.Path("unknown.csv"), Now));
        Assert.Contains("unknown.csv", ex.Message, StringComparison.Ordinal);
        Assert.Contains("llama-bench", ex.Message, StringComparison.Ordinal);
        Assert.Contains("BenchmarkDotNet", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"Benchmarks\": [ ")]
    [InlineData("")]
    [InlineData("[{\"n_prompt\": 512, \"n_gen\": 0, \"samples_ns\": []}]")]
    [InlineData(":::MLLOG {\"key\": \"result_validity\", \"value\": \"VALID\"}")]
    [InlineData(":::MLLOG {not json")]
    public void Import_Malformed_ThrowsImportExceptionNamingTheFile(string content)
    {
        var source = ImportSource.FromBytes("/data/results.bin", System.Text.Encoding.UTF8.GetBytes(content), Now.UtcDateTime);
        var ex = Assert.Throws<ImportException>(() => Importer.Import(source, Now));
        Assert.StartsWith("/data/results.bin: ", ex.Message, StringComparison.Ordinal);
    }
}
