using Measure.Workloads.Vision.Model;

namespace Measure.Workloads.Vision.Detection;

/// <summary>An SSDLite-style detector in one precision: backbone, extra layers and predictors, converted once.</summary>
public sealed class MobileNetDetector
{
    private MobileNetDetector(SsdLiteLayout layout, VisionWeights weights, VisionPrecision precision)
    {
        Layout = layout;
        Weights = weights;
        Precision = precision;
        Backbone = MobileNetModel.Backbone(layout.Backbone, weights, precision);
        Extras = layout.Extras.Select(c => ConvLayer.Create(c, weights, precision)).ToList();
        Predictors = layout.Predictors
            .Select(p => (ConvLayer.Create(p.Depthwise, weights, precision), ConvLayer.Create(p.Boxes, weights, precision), ConvLayer.Create(p.Scores, weights, precision)))
            .ToList();
    }

    public SsdLiteLayout Layout { get; }

    public VisionWeights Weights { get; }

    public VisionPrecision Precision { get; }

    public MobileNetModel Backbone { get; }

    public IReadOnlyList<ConvLayer> Extras { get; }

    public IReadOnlyList<(ConvLayer Depthwise, ConvLayer Boxes, ConvLayer Scores)> Predictors { get; }

    public string Name => "ssdlite-" + Backbone.Name;

    public long WeightBytes => Backbone.WeightBytes + Extras.Sum(e => e.WeightBytes) + Predictors.Sum(p => p.Depthwise.WeightBytes + p.Boxes.WeightBytes + p.Scores.WeightBytes);

    public static MobileNetDetector Create(MobileNetConfig backbone, DetectorConfig detector, VisionWeights weights, VisionPrecision precision) =>
        new(new SsdLiteLayout(backbone, detector), weights, precision);

    public static MobileNetDetector Seeded(MobileNetConfig backbone, DetectorConfig detector, VisionPrecision precision, ulong seed = SeededVisionWeights.DefaultSeed)
    {
        var layout = new SsdLiteLayout(backbone, detector);
        return new MobileNetDetector(layout, SeededVisionWeights.Create(layout.Convolutions, seed), precision);
    }

    public static MobileNetDetector Load(MobileNetConfig backbone, DetectorConfig detector, string safetensorsPath, VisionPrecision precision) =>
        Create(backbone, detector, Safetensors.SafetensorsReader.Load(safetensorsPath), precision);

    public MobileNetDetector WithPrecision(VisionPrecision precision) =>
        precision == Precision ? this : new MobileNetDetector(Layout, Weights, precision);
}
