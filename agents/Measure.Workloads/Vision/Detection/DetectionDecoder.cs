namespace Measure.Workloads.Vision.Detection;

/// <summary>
/// Turns raw head outputs into detections: softmax over (background + classes) per anchor, every class
/// scoring at least the threshold becomes a candidate box, then class-wise non-maximum suppression.
/// </summary>
public static class DetectionDecoder
{
    /// <param name="anchors">The priors, in the head's output order.</param>
    /// <param name="boxOffsets">4 offsets per anchor.</param>
    /// <param name="classLogits">(classes + 1) logits per anchor, background first.</param>
    /// <param name="config">Classes and thresholds.</param>
    public static IReadOnlyList<DetectedObject> Decode(IReadOnlyList<Anchor> anchors, ReadOnlySpan<float> boxOffsets, ReadOnlySpan<float> classLogits, DetectorConfig config)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        ArgumentNullException.ThrowIfNull(config);
        int stride = config.Classes + 1;
        if (boxOffsets.Length != anchors.Count * 4)
        {
            throw new ArgumentException($"boxOffsets has {boxOffsets.Length} values but {anchors.Count} anchors need {anchors.Count * 4}", nameof(boxOffsets));
        }

        if (classLogits.Length != anchors.Count * stride)
        {
            throw new ArgumentException($"classLogits has {classLogits.Length} values but {anchors.Count} anchors x {stride} classes need {anchors.Count * stride}", nameof(classLogits));
        }

        var candidates = new List<DetectedObject>();
        var buffer = new float[stride];
        for (int a = 0; a < anchors.Count; a++)
        {
            Softmax(classLogits.Slice(a * stride, stride), buffer);
            BoundingBox? box = null;
            for (int c = 1; c < stride; c++)
            {
                if (buffer[c] >= config.ScoreThreshold)
                {
                    box ??= BoxCoder.Decode(anchors[a], boxOffsets.Slice(a * 4, 4)).ClipToUnit();
                    candidates.Add(new DetectedObject(c - 1, buffer[c], box.Value));
                }
            }
        }

        return NonMaxSuppression.Apply(candidates, config.IouThreshold, config.MaxDetections);
    }

    private static void Softmax(ReadOnlySpan<float> logits, Span<float> probabilities)
    {
        float max = float.NegativeInfinity;
        foreach (float v in logits)
        {
            max = Math.Max(max, v);
        }

        float sum = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            probabilities[i] = MathF.Exp(logits[i] - max);
            sum += probabilities[i];
        }

        for (int i = 0; i < logits.Length; i++)
        {
            probabilities[i] /= sum;
        }
    }
}
