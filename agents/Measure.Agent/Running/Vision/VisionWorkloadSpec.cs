using System.Globalization;
using Measure.Workloads.Vision.Detection;
using Measure.Workloads.Vision.Model;

namespace Measure.Agent.Running.Vision;

/// <summary>
/// One <c>kind: vision-classifier</c> or <c>vision-detector</c> entry at one precision and thread count,
/// checked: the network's shape (the standard MobileNetV2 or the tiny test config, optionally with
/// another width, resolution or class count), how many images a batch holds, how many seeded images
/// accuracy against FP32 is scored on, and the seed of the weights when no real ones are given.
/// </summary>
/// <param name="ConfigName">"standard" or "tiny": the preset the shape started from.</param>
/// <param name="Detector">The detector head; null for a classifier.</param>
/// <param name="Batch">Images pushed through back to back per timed batch (one at a time on <paramref name="Threads"/> threads).</param>
/// <param name="AccuracyImages">Seeded images scored against the FP32 model of the same weights (0: no accuracy figures).</param>
public sealed record VisionWorkloadSpec(
    VisionTask Task,
    string ConfigName,
    MobileNetConfig Config,
    DetectorConfig? Detector,
    VisionPrecision Precision,
    int Threads,
    int Batch,
    int AccuracyImages,
    ulong Seed)
{
    public const string ClassifierKind = "vision-classifier";
    public const string DetectorKind = "vision-detector";

    public static IReadOnlyList<string> ParameterKeys { get; } = ["config", "width", "resolution", "classes", "batch", "accuracy_images", "seed"];

    public static IReadOnlyList<string> Precisions { get; } = ["f32", "f16", "int8"];

    public static IReadOnlyList<string> ConfigNames { get; } = ["standard", "tiny"];

    /// <summary>The detector's object classes when the suite does not say (the 20 of PASCAL VOC).</summary>
    public const int DefaultDetectorClasses = 20;

    public static bool IsVisionKind(string kind) => kind is ClassifierKind or DetectorKind;

    public string Kind => Task == VisionTask.Classifier ? ClassifierKind : DetectorKind;

    public string PrecisionName => VisionPrecisions.Name(Precision);

    /// <summary>The name results carry, e.g. "mobilenetv2-1.0-224" or "ssdlite-mobilenetv2-1.0-224".</summary>
    public string ModelName => Task == VisionTask.Classifier ? Config.Name : "ssdlite-" + Config.Name;

    /// <summary>Classes the network outputs (without the detector's background class).</summary>
    public int Classes => Detector?.Classes ?? Config.Classes;

    /// <summary>Reads and checks the entry; the shape is built once here so a bad width or resolution fails before anything runs.</summary>
    public static VisionWorkloadSpec Parse(WorkloadParameters parameters, string kind, string precision, int? threads)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.RejectUnknown(ParameterKeys);
        var task = kind == DetectorKind ? VisionTask.Detector : VisionTask.Classifier;
        if (!Precisions.Contains(precision, StringComparer.OrdinalIgnoreCase))
            throw parameters.Error("precisions", $"unknown precision '{precision}' for {kind} (known: {string.Join(", ", Precisions)})");

        var configName = parameters.Choice("config", "standard", ConfigNames);
        var preset = configName == "tiny" ? MobileNetConfig.Tiny : MobileNetConfig.Standard();
        var width = parameters.DoubleOrDefault("width", preset.WidthMultiplier, exclusiveMinimum: 0, maximum: 4);
        var resolution = parameters.IntOrDefault("resolution", preset.Resolution, minimum: 32);
        var classes = parameters.IntOrDefault("classes", task == VisionTask.Detector ? DefaultDetectorClasses : preset.Classes, minimum: 1);
        var config = preset with { Resolution = resolution, WidthMultiplier = width, Classes = task == VisionTask.Detector ? preset.Classes : classes };
        DetectorConfig? detector = task == VisionTask.Detector ? new DetectorConfig(Classes: classes) : null;
        try
        {
            config.Validate();
            if (detector is not null)
                _ = new SsdLiteLayout(config, detector);
        }
        catch (ArgumentException error)
        {
            throw parameters.Error("params", string.Create(CultureInfo.InvariantCulture, $"no {kind} of width {width} at {resolution}x{resolution}: {error.Message}"));
        }

        return new VisionWorkloadSpec(
            task,
            configName,
            config,
            detector,
            VisionPrecisions.Parse(precision),
            threads ?? Environment.ProcessorCount,
            parameters.IntOrDefault("batch", 1, minimum: 1),
            parameters.IntOrDefault("accuracy_images", 8, minimum: 0),
            parameters.UnsignedOrDefault("seed", SeededVisionWeights.DefaultSeed));
    }
}
