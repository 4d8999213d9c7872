using Measure.Agent.Running.Llm;
using Measure.Agent.Suites;
using Measure.Workloads.Llm;
using Measure.Workloads.Llm.Model;
using Measure.Workloads.Micro;

namespace Measure.Agent.Running;

/// <summary>Turns a suite's workload entries into the concrete workloads to run, checking their parameters.</summary>
public static class WorkloadFactory
{
    public const string GemvKind = "gemv";

    public static IReadOnlyList<string> GemvParameterKeys { get; } = ["rows", "cols"];

    /// <summary>Every kind a suite may name, with the parameters it accepts (the suite schema lists the same).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ParameterKeys { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [GemvKind] = GemvParameterKeys,
        [LlmWorkloadSpec.Kind] = LlmWorkloadSpec.ParameterKeys,
    };

    public static IReadOnlyList<string> Kinds { get; } = [.. ParameterKeys.Keys];

    /// <summary>
    /// Checks every entry before anything runs, so a bad suite fails in a second, not after an hour.
    /// With a --model file the file is opened (mapped, not read) to check it and its context length.
    /// </summary>
    public static void Validate(SuiteDefinition suite, WorkloadInputs? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(suite);
        inputs ??= WorkloadInputs.None;
        var modelShape = ModelShape(suite, inputs);
        foreach (var spec in suite.Workloads)
        {
            foreach (var precision in spec.Precisions)
            {
                foreach (var threads in spec.Threads)
                    _ = Describe(suite, spec, precision, threads, modelShape, inputs);
            }
        }
    }

    public static IEnumerable<Func<ISuiteWorkload>> Expand(SuiteDefinition suite, WorkloadInputs? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(suite);
        inputs ??= WorkloadInputs.None;
        var modelShape = ModelShape(suite, inputs);
        return
            from spec in suite.Workloads
            from precision in spec.Precisions
            from threads in spec.Threads
            select Describe(suite, spec, precision, threads, modelShape, inputs);
    }

    /// <summary>Checks one entry at one precision and thread count and returns how to create it (nothing is allocated yet).</summary>
    private static Func<ISuiteWorkload> Describe(SuiteDefinition suite, WorkloadSpec spec, string precision, int? threads, LlamaHyperParameters? modelShape, WorkloadInputs inputs)
    {
        var parameters = new WorkloadParameters(suite, spec);
        switch (spec.Kind)
        {
            case GemvKind:
                parameters.RejectUnknown(GemvParameterKeys);
                if (!GemvPrecisions.TryParse(precision, out var gemvPrecision))
                    throw parameters.Error("precisions", $"unknown precision '{precision}' for gemv (known: f32, f16, q8_0)");
                var rows = parameters.RequiredInt("rows", minimum: 1);
                var cols = parameters.RequiredInt("cols", minimum: 1);
                if (gemvPrecision == GemvPrecision.Q8_0 && cols % 32 != 0)
                    throw parameters.Error("params.cols", $"q8_0 needs cols to be a multiple of 32; got {cols}");
                if ((long)rows * cols > Array.MaxLength)
                    throw parameters.Error("params.rows", $"rows x cols = {(long)rows * cols} weights is more than one array holds");
                return () => new IterationSuiteWorkload(new GemvWorkload(gemvPrecision, rows, cols, threads ?? Environment.ProcessorCount));
            case LlmWorkloadSpec.Kind:
                var llm = LlmWorkloadSpec.Parse(parameters, precision, threads, modelShape);
                return () => new LlmSuiteWorkload(llm, inputs);
            default:
                throw parameters.Error("kind", $"unknown workload kind '{spec.Kind}' (known: {string.Join(", ", Kinds)})");
        }
    }

    /// <summary>The --model file's shape when the suite has LLM workloads to run on it; bad files throw ModelFormatException.</summary>
    private static LlamaHyperParameters? ModelShape(SuiteDefinition suite, WorkloadInputs inputs)
    {
        if (inputs.ModelPath is null || !suite.Workloads.Any(w => w.Kind == LlmWorkloadSpec.Kind))
            return null;
        using var model = LlamaModel.Load(inputs.ModelPath);
        return model.Parameters;
    }
}
