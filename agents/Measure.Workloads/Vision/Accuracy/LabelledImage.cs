using Measure.Workloads.Vision.Detection;

namespace Measure.Workloads.Vision.Accuracy;

/// <summary>One image of a labelled folder: its class (classification) or its boxes (detection, normalized to [0, 1]).</summary>
public sealed record LabelledImage(string Path, int ClassId, IReadOnlyList<GroundTruthBox> Boxes);

/// <summary>A labelled object.</summary>
public sealed record GroundTruthBox(int ClassId, BoundingBox Box);
