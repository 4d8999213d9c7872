using Measure.Kernels.Threading;
using Measure.Kernels.Vision;
using Measure.Workloads.Vision.Model;

namespace Measure.Workloads.Vision.Detection;

/// <summary>
/// Runs a <see cref="MobileNetDetector"/> on one image: backbone (keeping the stride-16 map), extras,
/// every predictor, then decoding and non-maximum suppression. Buffers are reused between images.
/// </summary>
public sealed class DetectorSession
{
    private readonly MobileNetSession _backbone;
    private readonly float[][] _maps = new float[3][];
    private readonly ImageShape[] _shapes = new ImageShape[3];
    private readonly float[] _scratch;
    private readonly float[] _filtered;

    public DetectorSession(MobileNetDetector detector, KernelContext context)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(context);
        Detector = detector;
        Context = context;
        _backbone = new MobileNetSession(detector.Backbone, context);
        int capacity = detector.Backbone.ActivationCapacity;
        for (int k = 0; k < _maps.Length; k++)
        {
            _maps[k] = new float[capacity];
        }

        _scratch = new float[capacity];
        _filtered = new float[capacity];
        int anchors = detector.Layout.Anchors.Count;
        BoxOffsets = new float[anchors * 4];
        ClassLogits = new float[anchors * (detector.Layout.Detector.Classes + 1)];
    }

    public MobileNetDetector Detector { get; }

    public KernelContext Context { get; }

    /// <summary>The last image's raw box offsets (4 per anchor), in anchor order.</summary>
    public float[] BoxOffsets { get; }

    /// <summary>The last image's raw class logits ((classes + 1) per anchor, background first).</summary>
    public float[] ClassLogits { get; }

    /// <summary>Detections in one NHWC image (already normalized), boxes normalized to [0, 1].</summary>
    public IReadOnlyList<DetectedObject> Detect(ReadOnlySpan<float> image)
    {
        RunHeads(image);
        return DetectionDecoder.Decode(Detector.Layout.Anchors, BoxOffsets, ClassLogits, Detector.Layout.Detector);
    }

    /// <summary>Fills <see cref="BoxOffsets"/> and <see cref="ClassLogits"/> without decoding.</summary>
    public void RunHeads(ReadOnlySpan<float> image)
    {
        int tap = Detector.Layout.TapBlock;
        var head = _backbone.RunBackbone(
            image,
            (block, shape, features) =>
            {
                if (block == tap)
                {
                    features.CopyTo(_maps[0]);
                    _shapes[0] = shape;
                }
            },
            out var headShape);
        head.CopyTo(_maps[1]);
        _shapes[1] = headShape;
        var reduced = Detector.Extras[0].Apply(Context, headShape, _maps[1].AsSpan(0, headShape.Length), _scratch);
        var down = Detector.Extras[1].Apply(Context, reduced, _scratch.AsSpan(0, reduced.Length), _filtered);
        _shapes[2] = Detector.Extras[2].Apply(Context, down, _filtered.AsSpan(0, down.Length), _maps[2]);
        int boxStart = 0;
        int scoreStart = 0;
        for (int k = 0; k < _maps.Length; k++)
        {
            var (depthwise, boxes, scores) = Detector.Predictors[k];
            var shape = _shapes[k];
            var filtered = depthwise.Apply(Context, shape, _maps[k].AsSpan(0, shape.Length), _filtered);
            var source = _filtered.AsSpan(0, filtered.Length);
            var boxShape = boxes.OutputShape(filtered);
            var scoreShape = scores.OutputShape(filtered);
            boxes.Apply(Context, filtered, source, BoxOffsets.AsSpan(boxStart, boxShape.Length));
            scores.Apply(Context, filtered, source, ClassLogits.AsSpan(scoreStart, scoreShape.Length));
            boxStart += boxShape.Length;
            scoreStart += scoreShape.Length;
        }
    }
}
