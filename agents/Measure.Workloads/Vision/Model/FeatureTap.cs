using Measure.Kernels.Vision;

namespace Measure.Workloads.Vision.Model;

/// <summary>Sees a block's output while the backbone runs (detector heads read intermediate feature maps).</summary>
public delegate void FeatureTap(int blockIndex, ImageShape shape, ReadOnlySpan<float> features);
