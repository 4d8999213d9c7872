namespace Measure.Workloads.Vision.Detection;

/// <summary>One detected object: class (0-based, background excluded), confidence and box.</summary>
public sealed record DetectedObject(int ClassId, float Score, BoundingBox Box);
