namespace Measure.Cli.Exports;

public enum ExportGranularity
{
    /// <summary>One row per raw sample (and one per single value).</summary>
    Sample,

    /// <summary>One row per (run, workload, metric) with count, median, mean, min, max and the declared aggregate.</summary>
    Aggregate,
}
