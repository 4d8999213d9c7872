using System.Globalization;
using Measure.Agent.Reporting;
using Measure.Agent.Suites;
using Measure.Contracts;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Threading;
using Measure.Workloads;
using Measure.Workloads.Vision.Accuracy;
using Measure.Workloads.Vision.Benchmark;
using Measure.Workloads.Vision.Detection;
using Measure.Workloads.Vision.Model;

namespace Measure.Agent.Running.Vision;

/// <summary>
/// A vision workload of a suite: the classifier or detector (seeded weights, or the --weights /
/// --detector-weights file) in one precision, timed image by image under <see cref="VisionRunLoop"/>,
/// then scored against the FP32 model of the same weights on seeded images and, given real weights
/// and --image-labels, on the labelled images. Accuracy runs after the timed phase, outside it.
/// </summary>
public sealed class VisionSuiteWorkload : ISuiteWorkload
{
    private readonly VisionWorkloadSpec _spec;
    private readonly WorkloadInputs _inputs;
    private readonly MobileNetModel? _classifier;
    private readonly MobileNetDetector? _detector;

    /// <summary>Builds the network in its precision (weights are converted here, before anything is timed).</summary>
    public VisionSuiteWorkload(VisionWorkloadSpec spec, WorkloadInputs inputs)
    {
        _spec = spec ?? throw new ArgumentNullException(nameof(spec));
        _inputs = inputs ?? throw new ArgumentNullException(nameof(inputs));
        var weights = WeightsPath(spec.Task, inputs);
        if (spec.Task == VisionTask.Classifier)
        {
            _classifier = weights is null
                ? MobileNetModel.Seeded(spec.Config, spec.Precision, spec.Seed)
                : MobileNetModel.Load(spec.Config, weights, spec.Precision);
        }
        else
        {
            _detector = weights is null
                ? MobileNetDetector.Seeded(spec.Config, spec.Detector!, spec.Precision, spec.Seed)
                : MobileNetDetector.Load(spec.Config, spec.Detector!, weights, spec.Precision);
        }
    }

    public string Name => _spec.Kind;
    public string Precision => _spec.PrecisionName;
    public string Isa => KernelRegistry.Name(KernelRegistry.Selected);
    public int Threads => _spec.Threads;

    /// <summary>The weights file this task runs on, or null for seeded weights.</summary>
    public static string? WeightsPath(VisionTask task, WorkloadInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return task == VisionTask.Classifier ? inputs.WeightsPath : inputs.DetectorWeightsPath;
    }

    public static string WeightsOption(VisionTask task) => task == VisionTask.Classifier ? "--weights" : "--detector-weights";

    public WorkloadMeasurement Measure(RunRules rules, IterationClock clock, DeviceLimits? limits, IRunProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(progress);
        var images = SeededImages.Create(_spec.Batch, _spec.Config.Resolution);
        VisionRunLoop.Outcome outcome;
        using (var context = new KernelContext(_spec.Threads))
        {
            Action<int> runImage;
            if (_classifier is not null)
            {
                var session = new MobileNetSession(_classifier, context);
                var logits = new float[_classifier.Config.Classes];
                runImage = index => session.Classify(images[index], logits);
            }
            else
            {
                var session = new DetectorSession(_detector!, context);
                runImage = index => session.Detect(images[index]);
            }
            outcome = VisionRunLoop.Run(runImage, _spec.Batch, rules, clock, progress, cancellationToken);
        }
        var peakResident = PeakResidentMemory.Bytes();

        progress.Phase("accuracy");
        var accuracy = Accuracy(cancellationToken);
        var operations = _classifier is not null ? VisionOperations.PerImage(_classifier) : VisionOperations.PerImage(_detector!);
        var weightBytes = _classifier?.WeightBytes ?? _detector!.WeightBytes;
        var result = VisionResultBuilder.Build(_spec, Isa, Parameters(), outcome, weightBytes, operations, peakResident, accuracy);
        return new WorkloadMeasurement(
            result,
            outcome.ImageLatenciesMs,
            operations,
            outcome.WarmupStart,
            outcome.MeasureStart,
            outcome.MeasureEnd,
            outcome.WarmupImages,
            $"steady-state detector: {outcome.WarmupStatus} (images)",
            outcome.SettledLate(rules.Warmup),
            [new PhaseSpan(VisionRunLoop.InferencePhase, outcome.MeasureStart, outcome.MeasureEnd)],
            [new PhaseEnergyRequest(VisionRunLoop.InferencePhase, VisionMetrics.EnergyPerImage, outcome.ImageLatenciesMs.Count, "image")]);
    }

    /// <summary>What was asked for, never what was measured: these form the comparability key.</summary>
    private Dictionary<string, string> Parameters()
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["model"] = _spec.ModelName,
            ["config"] = _spec.ConfigName,
            ["resolution"] = _spec.Config.Resolution.ToString(CultureInfo.InvariantCulture),
            ["width"] = _spec.Config.WidthMultiplier.ToString(CultureInfo.InvariantCulture),
            ["classes"] = _spec.Classes.ToString(CultureInfo.InvariantCulture),
            ["batch"] = _spec.Batch.ToString(CultureInfo.InvariantCulture),
        };
        if (WeightsPath(_spec.Task, _inputs) is { } weights)
        {
            var file = new FileInfo(weights);
            parameters["weights_file"] = file.Name;
            parameters["weights_bytes"] = file.Length.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            parameters["seed"] = _spec.Seed.ToString(CultureInfo.InvariantCulture);
        }
        return parameters;
    }

    private List<MetricValue> Accuracy(CancellationToken cancellationToken)
    {
        var datasetMetric = _spec.Task == VisionTask.Classifier ? VisionMetrics.DatasetTop1 : VisionMetrics.DatasetMeanAveragePrecision;
        var versusReference = _spec.Precision == VisionPrecision.F32 ? "this is the FP32 reference itself"
            : _spec.AccuracyImages == 0 ? "accuracy_images: 0 in the suite"
            : null;
        var versusDataset = _inputs.LabelsPath is null ? "no labelled images: give --image-labels FILE (and --images DIR) with real weights"
            : WeightsPath(_spec.Task, _inputs) is null ? $"seeded weights score at chance: give {WeightsOption(_spec.Task)} FILE with --image-labels"
            : null;

        using var dataset = versusDataset is null ? VisionDataset.Open(_inputs.LabelsPath!, _inputs.ImagesPath) : null;
        if (dataset is not null && dataset.Task != _spec.Task)
            versusDataset = $"{Path.GetFileName(dataset.LabelsPath)} holds {VisionDataset.Describe(dataset.Task)}, not {VisionDataset.Describe(_spec.Task)}";

        VisionAccuracy? measured = null;
        if (versusReference is null || versusDataset is null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The library scores accuracy inside its benchmark runner; the single image it also times here is discarded.
            var options = new VisionBenchmarkOptions(_spec.Threads, Batch: 1, WarmupIterations: 0, MeasuredIterations: 1,
                AccuracyImages: versusReference is null ? _spec.AccuracyImages : 0);
            measured = versusDataset is null
                ? dataset!.Read(labels => Score(options with { LabelsPath = labels }).Accuracy)
                : Score(options).Accuracy;
        }

        var values = new List<MetricValue>();
        if (versusReference is not null || measured is null)
        {
            var reason = versusReference ?? "not scored";
            values.Add(new MetricValue(VisionMetrics.Top1Agreement.Name, null, Unavailable: reason));
            values.Add(new MetricValue(VisionMetrics.OutputSqnr.Name, null, Unavailable: reason));
        }
        else
        {
            var source = string.Create(CultureInfo.InvariantCulture,
                $"vs FP32 of the same weights on {measured.Images} seeded image(s){(_spec.Task == VisionTask.Detector ? ", per anchor" : "")}");
            values.Add(new MetricValue(VisionMetrics.Top1Agreement.Name, measured.Top1Agreement, Source: source));
            values.Add(measured.OutputSqnrDb is { } sqnr
                ? new MetricValue(VisionMetrics.OutputSqnr.Name, sqnr, Source: source)
                : new MetricValue(VisionMetrics.OutputSqnr.Name, null, Unavailable: "outputs identical to FP32 (infinite SQNR)"));
        }

        var datasetValue = _spec.Task == VisionTask.Classifier ? measured?.DatasetTop1Accuracy : measured?.DatasetMeanAveragePrecision;
        values.Add(versusDataset is null && datasetValue is { } score
            ? new MetricValue(datasetMetric.Name, score, Source: string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(dataset!.LabelsPath)}: {dataset.Images} labelled image(s), weights {Path.GetFileName(WeightsPath(_spec.Task, _inputs))}"))
            : new MetricValue(datasetMetric.Name, null, Unavailable: versusDataset ?? "not scored"));
        return values;
    }

    private VisionBenchmarkResult Score(VisionBenchmarkOptions options) =>
        _classifier is not null ? VisionBenchmark.RunClassifier(_classifier, options) : VisionBenchmark.RunDetector(_detector!, options);

    /// <summary>The networks are plain managed arrays; nothing to release.</summary>
    public void Dispose()
    {
    }
}
