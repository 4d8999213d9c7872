using System.Globalization;
using Measure.Agent.Suites;
using Measure.Workloads.Micro;

namespace Measure.Agent.Running;

/// <summary>Turns a suite's workload entries into the concrete workloads to run, checking their parameters.</summary>
public static class WorkloadFactory
{
    public static readonly string[] Kinds = ["gemv"];

    /// <summary>Checks every entry before anything runs, so a bad suite fails in a second, not after an hour.</summary>
    public static void Validate(SuiteDefinition suite)
    {
        foreach (var spec in suite.Workloads)
        {
            foreach (var precision in spec.Precisions)
            {
                foreach (var threads in spec.Threads)
                    Describe(suite, spec, precision, threads);
            }
        }
    }

    public static IEnumerable<Func<IIterationWorkload>> Expand(SuiteDefinition suite) =>
        from spec in suite.Workloads
        from precision in spec.Precisions
        from threads in spec.Threads
        select (Func<IIterationWorkload>)(() => Create(suite, spec, precision, threads));

    private static IIterationWorkload Create(SuiteDefinition suite, WorkloadSpec spec, string precision, int? threads)
    {
        var (gemvPrecision, rows, cols) = Describe(suite, spec, precision, threads);
        return new GemvWorkload(gemvPrecision, rows, cols, threads ?? Environment.ProcessorCount);
    }

    private static (GemvPrecision Precision, int Rows, int Cols) Describe(SuiteDefinition suite, WorkloadSpec spec, string precision, int? threads)
    {
        if (spec.Kind != "gemv")
            throw Error(suite, spec, "kind", $"unknown workload kind '{spec.Kind}' (known: {string.Join(", ", Kinds)})");
        if (!GemvPrecisions.TryParse(precision, out var gemvPrecision))
            throw Error(suite, spec, "precisions", $"unknown precision '{precision}' for gemv (known: f32, f16, q8_0)");
        var rows = PositiveInt(suite, spec, "rows");
        var cols = PositiveInt(suite, spec, "cols");
        if (gemvPrecision == GemvPrecision.Q8_0 && cols % 32 != 0)
            throw Error(suite, spec, "params.cols", $"q8_0 needs cols to be a multiple of 32; got {cols}");
        _ = threads;
        return (gemvPrecision, rows, cols);
    }

    private static int PositiveInt(SuiteDefinition suite, WorkloadSpec spec, string key)
    {
        if (!spec.Parameters.TryGetValue(key, out var text))
            throw Error(suite, spec, $"params.{key}", "missing required parameter");
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            throw Error(suite, spec, $"params.{key}", $"expected a positive whole number, got '{text}'");
        return value;
    }

    private static SuiteFormatException Error(SuiteDefinition suite, WorkloadSpec spec, string key, string message) =>
        new($"{suite.SourcePath}:{spec.Line}: '{key}': {message}");
}
