namespace Measure.Workloads.Vision.Detection;

/// <summary>
/// SSD box regression: offsets (dx, dy, dw, dh) relative to an anchor, scaled by the usual variances
/// 0.1 (center) and 0.2 (size). Encode is the inverse of Decode, for building targets and tests.
/// </summary>
public static class BoxCoder
{
    public const float CenterVariance = 0.1f;
    public const float SizeVariance = 0.2f;

    // exp() of a huge regression output would overflow to infinity; no real box is 1000x its anchor.
    private static readonly float MaxLogScale = MathF.Log(1000f);

    public static BoundingBox Decode(Anchor anchor, ReadOnlySpan<float> offsets)
    {
        if (offsets.Length != 4)
        {
            throw new ArgumentException($"need 4 offsets (dx, dy, dw, dh), got {offsets.Length}", nameof(offsets));
        }

        float cx = anchor.CenterX + (offsets[0] * CenterVariance * anchor.Width);
        float cy = anchor.CenterY + (offsets[1] * CenterVariance * anchor.Height);
        float w = anchor.Width * MathF.Exp(Math.Min(offsets[2] * SizeVariance, MaxLogScale));
        float h = anchor.Height * MathF.Exp(Math.Min(offsets[3] * SizeVariance, MaxLogScale));
        return new BoundingBox(cx - (w / 2), cy - (h / 2), cx + (w / 2), cy + (h / 2));
    }

    public static float[] Encode(Anchor anchor, BoundingBox box)
    {
        float cx = (box.XMin + box.XMax) / 2;
        float cy = (box.YMin + box.YMax) / 2;
        return
        [
            (cx - anchor.CenterX) / (anchor.Width * CenterVariance),
            (cy - anchor.CenterY) / (anchor.Height * CenterVariance),
            MathF.Log(box.Width / anchor.Width) / SizeVariance,
            MathF.Log(box.Height / anchor.Height) / SizeVariance,
        ];
    }
}
