using Measure.Workloads.Vision.Model;

namespace Measure.Workloads.Vision.Detection;

/// <summary>One feature map's predictor: a depthwise 3x3 shared by the box and class 1x1 convolutions.</summary>
public sealed record SsdLitePredictor(ConvSpec Depthwise, ConvSpec Boxes, ConvSpec Scores)
{
    public IEnumerable<ConvSpec> Convolutions => [Depthwise, Boxes, Scores];
}
