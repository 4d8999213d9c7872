using Measure.Workloads.Vision.Model;

namespace Measure.Workloads.Vision.Detection;

/// <summary>
/// The detector's convolutions on top of a MobileNet backbone. Three feature maps: the last stride-16
/// block output, the head (stride 32), and one extra stride-64 map (<c>extras.reduce</c> 1x1,
/// <c>extras.depthwise</c> 3x3 stride 2, <c>extras.expand</c> 1x1, all ReLU6). Each map k has an
/// SSDLite predictor: <c>detector.{k}.depthwise</c> (3x3 + ReLU6) then linear 1x1s
/// <c>detector.{k}.boxes</c> (anchors x 4) and <c>detector.{k}.scores</c> (anchors x (classes + 1)).
/// </summary>
public sealed class SsdLiteLayout
{
    public SsdLiteLayout(MobileNetConfig backbone, DetectorConfig detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        Backbone = new MobileNetLayout(backbone);
        Detector = detector.Validate();
        var sizes = Backbone.BlockOutputSizes;
        TapBlock = Enumerable.Range(0, sizes.Count).Last(i => sizes[i] > Backbone.FinalSize || i == 0);
        int tapChannels = Backbone.Blocks[TapBlock].Project.OutChannels;
        int reduced = MobileNetConfig.ScaleChannels(256, backbone.WidthMultiplier);
        int extraChannels = MobileNetConfig.ScaleChannels(512, backbone.WidthMultiplier);
        Extras =
        [
            new ConvSpec("extras.reduce", ConvKind.Pointwise, Backbone.Head.OutChannels, reduced, 1, true),
            new ConvSpec("extras.depthwise", ConvKind.Depthwise3x3, reduced, reduced, 2, true),
            new ConvSpec("extras.expand", ConvKind.Pointwise, reduced, extraChannels, 1, true),
        ];
        MapSizes = [sizes[TapBlock], Backbone.FinalSize, MobileNetLayout.Halve(Backbone.FinalSize)];
        int[] mapChannels = [tapChannels, Backbone.Head.OutChannels, extraChannels];
        AnchorsPerLocation = AnchorGenerator.AnchorsPerLocation(Detector.Ratios);
        Predictors = mapChannels
            .Select((channels, k) => new SsdLitePredictor(
                new ConvSpec($"detector.{k}.depthwise", ConvKind.Depthwise3x3, channels, channels, 1, true),
                new ConvSpec($"detector.{k}.boxes", ConvKind.Pointwise, channels, AnchorsPerLocation * 4, 1, false),
                new ConvSpec($"detector.{k}.scores", ConvKind.Pointwise, channels, AnchorsPerLocation * (Detector.Classes + 1), 1, false)))
            .ToList();
        Anchors = AnchorGenerator.Generate(MapSizes, Detector.Ratios, Detector.MinScale, Detector.MaxScale);
    }

    public MobileNetLayout Backbone { get; }

    public DetectorConfig Detector { get; }

    /// <summary>The block whose output is the first (stride-16) feature map.</summary>
    public int TapBlock { get; }

    public IReadOnlyList<ConvSpec> Extras { get; }

    /// <summary>Height (= width) of each of the three feature maps.</summary>
    public IReadOnlyList<int> MapSizes { get; }

    public int AnchorsPerLocation { get; }

    public IReadOnlyList<SsdLitePredictor> Predictors { get; }

    public IReadOnlyList<Anchor> Anchors { get; }

    /// <summary>Every convolution a detector weights file holds: the backbone without its classifier, extras, predictors.</summary>
    public IEnumerable<ConvSpec> Convolutions =>
        Backbone.Convolutions.Where(c => c != Backbone.Classifier).Concat(Extras).Concat(Predictors.SelectMany(p => p.Convolutions));
}
