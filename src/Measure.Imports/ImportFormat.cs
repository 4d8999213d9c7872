namespace Measure.Imports;

public enum ImportFormat
{
    /// <summary>BenchmarkDotNet's full JSON exporter (<c>*-report-full.json</c>), with every measurement.</summary>
    BenchmarkDotNet,

    /// <summary>llama.cpp <c>llama-bench -o json</c> or <c>-o jsonl</c>.</summary>
    LlamaBench,

    /// <summary>MLPerf LoadGen <c>mlperf_log_summary.txt</c>.</summary>
    MlPerfSummary,

    /// <summary>MLPerf LoadGen <c>mlperf_log_detail.txt</c> (<c>:::MLLOG</c> lines).</summary>
    MlPerfDetail,
}
