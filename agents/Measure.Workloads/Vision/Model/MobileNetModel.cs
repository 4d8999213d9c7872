using Measure.Kernels.Vision;

namespace Measure.Workloads.Vision.Model;

/// <summary>
/// A MobileNetV2-style classifier in one precision: the layout plus every convolution converted from the
/// FP32 master weights. Immutable and shareable; run it through a <see cref="MobileNetSession"/>.
/// </summary>
public sealed class MobileNetModel
{
    private MobileNetModel(MobileNetLayout layout, VisionWeights weights, VisionPrecision precision, bool withClassifier = true)
    {
        Layout = layout;
        Weights = weights;
        Precision = precision;
        Stem = ConvLayer.Create(layout.Stem, weights, precision);
        Blocks = layout.Blocks
            .Select(b => new PreparedBlock(
                b,
                b.Expand is null ? null : ConvLayer.Create(b.Expand, weights, precision),
                ConvLayer.Create(b.Depthwise, weights, precision),
                ConvLayer.Create(b.Project, weights, precision)))
            .ToList();
        Head = ConvLayer.Create(layout.Head, weights, precision);
        Classifier = withClassifier ? ConvLayer.Create(layout.Classifier, weights, precision) : null;
        ActivationCapacity = MeasureActivationCapacity();
    }

    public MobileNetLayout Layout { get; }

    public MobileNetConfig Config => Layout.Config;

    /// <summary>The FP32 master weights (shared with the reference model of the same weights).</summary>
    public VisionWeights Weights { get; }

    public VisionPrecision Precision { get; }

    public ConvLayer Stem { get; }

    public IReadOnlyList<PreparedBlock> Blocks { get; }

    public ConvLayer Head { get; }

    /// <summary>The classifier; null for a backbone built for a detector (whose weights have no classifier).</summary>
    public ConvLayer? Classifier { get; }

    /// <summary>Largest activation (in floats) any layer reads or writes: the size of each session buffer.</summary>
    public int ActivationCapacity { get; }

    /// <summary>The input image's shape: Resolution x Resolution x 3, NHWC.</summary>
    public ImageShape InputShape => new(Config.Resolution, Config.Resolution, MobileNetConfig.InputChannels);

    public IEnumerable<ConvLayer> Layers =>
        new[] { Stem }.Concat(Blocks.SelectMany(b => b.Layers)).Append(Head).Concat(Classifier is null ? [] : [Classifier]);

    public long WeightBytes => Layers.Sum(l => l.WeightBytes);

    public string Name => Config.Name;

    public static MobileNetModel Create(MobileNetConfig config, VisionWeights weights, VisionPrecision precision) =>
        new(new MobileNetLayout(config), weights, precision);

    /// <summary>The model with seeded weights (identical on every device).</summary>
    public static MobileNetModel Seeded(MobileNetConfig config, VisionPrecision precision, ulong seed = SeededVisionWeights.DefaultSeed)
    {
        var layout = new MobileNetLayout(config);
        return new MobileNetModel(layout, SeededVisionWeights.ForClassifier(layout, seed), precision);
    }

    /// <summary>
    /// The model with weights from a safetensors file (F32 or F16) whose tensor names and shapes are those
    /// of <see cref="MobileNetLayout"/>; a missing tensor or wrong shape is a ModelFormatException naming file, tensor and offset.
    /// </summary>
    public static MobileNetModel Load(MobileNetConfig config, string safetensorsPath, VisionPrecision precision) =>
        Create(config, Safetensors.SafetensorsReader.Load(safetensorsPath), precision);

    /// <summary>Stem, blocks and head only (no classifier tensors needed): the backbone of a detector.</summary>
    public static MobileNetModel Backbone(MobileNetLayout layout, VisionWeights weights, VisionPrecision precision) =>
        new(layout, weights, precision, withClassifier: false);

    /// <summary>The same weights in another precision (e.g. the FP32 reference of an int8 model).</summary>
    public MobileNetModel WithPrecision(VisionPrecision precision) =>
        precision == Precision ? this : new MobileNetModel(Layout, Weights, precision, Classifier is not null);

    private int MeasureActivationCapacity()
    {
        var shape = InputShape;
        long largest = shape.Length;
        foreach (var layer in new[] { Stem }.Concat(Blocks.SelectMany(b => b.Layers)).Append(Head))
        {
            shape = layer.OutputShape(shape);
            largest = Math.Max(largest, shape.Length);
        }

        return checked((int)largest);
    }
}
