namespace Measure.Workloads.Vision.Detection;

/// <summary>A prior box in center form, normalized to the image.</summary>
public readonly record struct Anchor(float CenterX, float CenterY, float Width, float Height);
