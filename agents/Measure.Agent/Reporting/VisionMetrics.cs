using Measure.Contracts;

namespace Measure.Agent.Reporting;

/// <summary>The metrics of the vision workloads (classifier and detector), declared once (unit, direction, aggregation).</summary>
public static class VisionMetrics
{
    public const string ImagesPerSecondUnit = "images/s";
    public const string JoulesPerImage = "J/image";
    public const string Decibels = "dB";

    public static readonly MetricDeclaration ImageLatency = new(
        "image_latency", MetricUnits.Milliseconds, MetricDirection.LowerIsBetter, MetricAggregation.Median,
        "Wall time of one image through the model, pre-processed input to logits or decoded detections (one sample per image, every timed batch).");

    private const string BatchLatencyName = "batch_latency";

    public static readonly MetricDeclaration BatchLatency = new(
        BatchLatencyName, MetricUnits.Milliseconds, MetricDirection.LowerIsBetter, MetricAggregation.Median,
        "Wall time of one batch of images pushed through the model back to back (one sample per timed batch).");

    public static readonly MetricDeclaration ImagesPerSecond = new(
        "images_per_second", ImagesPerSecondUnit, MetricDirection.HigherIsBetter, MetricAggregation.Median,
        "Batch size / batch wall time, median over the timed batches.", DerivedFrom: BatchLatencyName);

    public static readonly MetricDeclaration ImageLatencyP50 = new(
        "image_latency_p50", MetricUnits.Milliseconds, MetricDirection.LowerIsBetter, MetricAggregation.Median,
        "Median of every timed image's latency.");

    public static readonly MetricDeclaration ImageLatencyP90 = new(
        "image_latency_p90", MetricUnits.Milliseconds, MetricDirection.LowerIsBetter, MetricAggregation.Median,
        "90th percentile of every timed image's latency.");

    public static readonly MetricDeclaration ImageLatencyP99 = new(
        "image_latency_p99", MetricUnits.Milliseconds, MetricDirection.LowerIsBetter, MetricAggregation.Median,
        "99th percentile of every timed image's latency.");

    public static readonly MetricDeclaration WeightBytes = new(
        "weight_bytes", MetricUnits.Bytes, MetricDirection.LowerIsBetter, MetricAggregation.Last,
        "Bytes of every convolution's weights, quantization scales and biases in this precision (all are read once per image).");

    public static readonly MetricDeclaration Top1Agreement = new(
        "vision_top1_agreement", MetricUnits.Ratio, MetricDirection.HigherIsBetter, MetricAggregation.Last,
        "Fraction of seeded images (classifier) or anchors (detector) whose arg-max class equals the FP32 model of the same weights.");

    public static readonly MetricDeclaration OutputSqnr = new(
        "output_sqnr", Decibels, MetricDirection.HigherIsBetter, MetricAggregation.Last,
        "Signal-to-quantization-noise ratio of the raw outputs (classifier logits; detector class logits and box offsets) against FP32, on the same seeded images.");

    public static readonly MetricDeclaration DatasetTop1 = new(
        "dataset_top1", MetricUnits.Ratio, MetricDirection.HigherIsBetter, MetricAggregation.Last,
        "Top-1 accuracy of the classifier (real weights from --weights) on the labelled images of --image-labels.");

    public static readonly MetricDeclaration DatasetMeanAveragePrecision = new(
        "dataset_map50", MetricUnits.Ratio, MetricDirection.HigherIsBetter, MetricAggregation.Last,
        "Mean average precision at IoU 0.5 (VOC-style) of the detector (real weights from --detector-weights) on the labelled boxes of --image-labels.");

    public static readonly MetricDeclaration EnergyPerImage = new(
        "energy_per_image", JoulesPerImage, MetricDirection.LowerIsBetter, MetricAggregation.Median,
        "Net energy above idle over the timed batches, per image.");

    public static IReadOnlyList<MetricDeclaration> All { get; } =
    [
        ImageLatency, BatchLatency, ImagesPerSecond, ImageLatencyP50, ImageLatencyP90, ImageLatencyP99, WeightBytes,
        Top1Agreement, OutputSqnr, DatasetTop1, DatasetMeanAveragePrecision, EnergyPerImage,
    ];
}
