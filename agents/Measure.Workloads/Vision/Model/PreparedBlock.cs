namespace Measure.Workloads.Vision.Model;

/// <summary>An inverted residual block with its convolutions converted to one precision.</summary>
public sealed record PreparedBlock(InvertedResidualBlock Spec, ConvLayer? Expand, ConvLayer Depthwise, ConvLayer Project)
{
    public IEnumerable<ConvLayer> Layers => Expand is null ? [Depthwise, Project] : [Expand, Depthwise, Project];
}
