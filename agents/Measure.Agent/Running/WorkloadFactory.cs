using Measure.Agent.Running.Llm;
using Measure.Agent.Running.Vision;
using Measure.Agent.Suites;
using Measure.Workloads.Llm;
using Measure.Workloads.Llm.Model;
using Measure.Workloads.Micro;
using Measure.Workloads.Vision.Detection;
using Measure.Workloads.Vision.Model;
using Measure.Workloads.Vision.Safetensors;

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
        [VisionWorkloadSpec.ClassifierKind] = VisionWorkloadSpec.ParameterKeys,
        [VisionWorkloadSpec.DetectorKind] = VisionWorkloadSpec.ParameterKeys,
    };

    public static IReadOnlyList<string> Kinds { get; } = [.. ParameterKeys.Keys];

    /// <summary>
    /// Checks every entry before anything runs, so a bad suite fails in a second, not after an hour.
    /// With a --model file the file is opened (mapped, not read) to check it and its context length;
    /// vision weights files are read and matched against every vision entry's layout, and a --image-labels
    /// file is parsed (bad files throw ModelFormatException, DatasetFormatException or ImageFormatException).
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
        ValidateVisionInputs(suite, inputs);
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
            case VisionWorkloadSpec.ClassifierKind or VisionWorkloadSpec.DetectorKind:
                var vision = VisionWorkloadSpec.Parse(parameters, spec.Kind, precision, threads);
                return () => new VisionSuiteWorkload(vision, inputs);
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

    /// <summary>
    /// Every vision entry's layout must find its tensors, with their shapes, in the weights file of its
    /// task (read once per file), and the labels must parse, so a wrong file fails before the first workload.
    /// </summary>
    private static void ValidateVisionInputs(SuiteDefinition suite, WorkloadInputs inputs)
    {
        var loaded = new Dictionary<string, VisionWeights>(StringComparer.Ordinal);
        foreach (var spec in suite.Workloads.Where(w => VisionWorkloadSpec.IsVisionKind(w.Kind)))
        {
            var vision = VisionWorkloadSpec.Parse(new WorkloadParameters(suite, spec), spec.Kind, VisionPrecisions.Name(VisionPrecision.F32), 1);
            if (VisionSuiteWorkload.WeightsPath(vision.Task, inputs) is not { } path)
                continue;
            if (!loaded.TryGetValue(path, out var weights))
                loaded[path] = weights = SafetensorsReader.Load(path);
            if (vision.Task == VisionTask.Classifier)
                _ = MobileNetModel.Create(vision.Config, weights, VisionPrecision.F32);
            else
                _ = MobileNetDetector.Create(vision.Config, vision.Detector!, weights, VisionPrecision.F32);
        }
        if (inputs.LabelsPath is not null)
            VisionDataset.Open(inputs.LabelsPath, inputs.ImagesPath).Dispose();
    }
}
