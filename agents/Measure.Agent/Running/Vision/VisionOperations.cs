using Measure.Kernels.Vision;
using Measure.Workloads.Vision.Detection;
using Measure.Workloads.Vision.Model;

namespace Measure.Agent.Running.Vision;

/// <summary>
/// Arithmetic operations of one image (a multiply-accumulate counts as two), walked through the same
/// layer shapes the sessions run, so GOP/s is work actually done. Pooling, residual adds and box
/// decoding are left out: they are a rounding error next to the convolutions.
/// </summary>
public static class VisionOperations
{
    public static double PerImage(MobileNetModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var macs = Backbone(model, tapBlock: -1, out _, out var head);
        if (model.Classifier is { } classifier)
            macs += Macs(classifier, new ImageShape(1, 1, head.Channels), out _);
        return 2.0 * macs;
    }

    public static double PerImage(MobileNetDetector detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        var macs = Backbone(detector.Backbone, detector.Layout.TapBlock, out var tap, out var head);
        var extra = head;
        foreach (var layer in detector.Extras)
            macs += Macs(layer, extra, out extra);
        ImageShape[] maps = [tap, head, extra];
        for (var k = 0; k < maps.Length; k++)
        {
            var (depthwise, boxes, scores) = detector.Predictors[k];
            macs += Macs(depthwise, maps[k], out var filtered);
            macs += Macs(boxes, filtered, out _) + Macs(scores, filtered, out _);
        }
        return 2.0 * macs;
    }

    /// <summary>Stem, blocks and head; <paramref name="tap"/> is the output shape of block <paramref name="tapBlock"/>.</summary>
    private static long Backbone(MobileNetModel model, int tapBlock, out ImageShape tap, out ImageShape head)
    {
        var macs = Macs(model.Stem, model.InputShape, out var shape);
        tap = shape;
        for (var i = 0; i < model.Blocks.Count; i++)
        {
            foreach (var layer in model.Blocks[i].Layers)
                macs += Macs(layer, shape, out shape);
            if (i == tapBlock)
                tap = shape;
        }
        macs += Macs(model.Head, shape, out head);
        return macs;
    }

    private static long Macs(ConvLayer layer, ImageShape input, out ImageShape output)
    {
        output = layer.OutputShape(input);
        return (long)output.Pixels * layer.Spec.MacsPerPixel;
    }
}
