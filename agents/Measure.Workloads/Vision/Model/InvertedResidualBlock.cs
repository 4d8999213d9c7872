namespace Measure.Workloads.Vision.Model;

/// <summary>
/// 1x1 expand + ReLU6 (absent when the expansion is 1), depthwise 3x3 + ReLU6, 1x1 linear project;
/// the input is added back when the block keeps the shape (stride 1, same channels).
/// </summary>
public sealed record InvertedResidualBlock(ConvSpec? Expand, ConvSpec Depthwise, ConvSpec Project)
{
    public bool HasResidual => Depthwise.Stride == 1 && InChannels == Project.OutChannels;

    public int InChannels => Expand?.InChannels ?? Depthwise.InChannels;

    public IEnumerable<ConvSpec> Convolutions => Expand is null ? [Depthwise, Project] : [Expand, Depthwise, Project];
}
