namespace Measure.Workloads.Vision.Detection;

/// <summary>An axis-aligned box in corner form; detector boxes are normalized to [0, 1] of the image.</summary>
public readonly record struct BoundingBox(float XMin, float YMin, float XMax, float YMax)
{
    public float Width => Math.Max(0f, XMax - XMin);

    public float Height => Math.Max(0f, YMax - YMin);

    public float Area => Width * Height;

    /// <summary>Intersection over union; 0 when either box is empty.</summary>
    public static float IntersectionOverUnion(BoundingBox a, BoundingBox b)
    {
        float width = Math.Min(a.XMax, b.XMax) - Math.Max(a.XMin, b.XMin);
        float height = Math.Min(a.YMax, b.YMax) - Math.Max(a.YMin, b.YMin);
        if (width <= 0 || height <= 0)
        {
            return 0f;
        }

        float intersection = width * height;
        float union = a.Area + b.Area - intersection;
        return union <= 0 ? 0f : intersection / union;
    }

    /// <summary>The box clipped to the unit square.</summary>
    public BoundingBox ClipToUnit() =>
        new(Math.Clamp(XMin, 0f, 1f), Math.Clamp(YMin, 0f, 1f), Math.Clamp(XMax, 0f, 1f), Math.Clamp(YMax, 0f, 1f));
}
