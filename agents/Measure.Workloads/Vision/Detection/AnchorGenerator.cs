namespace Measure.Workloads.Vision.Detection;

/// <summary>
/// SSD priors: feature map k of m gets scale s_k = min + (max - min) k / (m - 1); every location gets one
/// box per aspect ratio r (width s sqrt(r), height s / sqrt(r)) plus a square of scale sqrt(s_k s_{k+1}).
/// Order: map, row, column, anchor — the order of the predictor's NHWC output channels.
/// </summary>
public static class AnchorGenerator
{
    public static int AnchorsPerLocation(IReadOnlyList<float> aspectRatios)
    {
        ArgumentNullException.ThrowIfNull(aspectRatios);
        return aspectRatios.Count + 1;
    }

    public static IReadOnlyList<Anchor> Generate(IReadOnlyList<int> mapSizes, IReadOnlyList<float> aspectRatios, float minScale, float maxScale)
    {
        ArgumentNullException.ThrowIfNull(mapSizes);
        ArgumentNullException.ThrowIfNull(aspectRatios);
        if (mapSizes.Count == 0 || mapSizes.Any(s => s < 1))
        {
            throw new ArgumentException("need at least one feature map, each at least 1x1", nameof(mapSizes));
        }

        if (aspectRatios.Any(r => !(r > 0)))
        {
            throw new ArgumentException("aspect ratios must be positive", nameof(aspectRatios));
        }

        if (!(minScale > 0 && maxScale >= minScale))
        {
            throw new ArgumentException($"need 0 < minScale <= maxScale, got {minScale} and {maxScale}", nameof(minScale));
        }

        var anchors = new List<Anchor>();
        int m = mapSizes.Count;
        for (int k = 0; k < m; k++)
        {
            float scale = Scale(k, m, minScale, maxScale);
            float next = k + 1 < m ? Scale(k + 1, m, minScale, maxScale) : 1f;
            float extra = MathF.Sqrt(scale * next);
            int size = mapSizes[k];
            for (int row = 0; row < size; row++)
            {
                for (int col = 0; col < size; col++)
                {
                    float cx = (col + 0.5f) / size;
                    float cy = (row + 0.5f) / size;
                    foreach (float ratio in aspectRatios)
                    {
                        float root = MathF.Sqrt(ratio);
                        anchors.Add(new Anchor(cx, cy, scale * root, scale / root));
                    }

                    anchors.Add(new Anchor(cx, cy, extra, extra));
                }
            }
        }

        return anchors;
    }

    private static float Scale(int k, int m, float min, float max) => m == 1 ? min : min + ((max - min) * k / (m - 1));
}
