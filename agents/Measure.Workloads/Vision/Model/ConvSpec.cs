namespace Measure.Workloads.Vision.Model;

/// <summary>
/// One convolution of a network: its tensor names are <c>{Name}.weight</c> and <c>{Name}.bias</c>
/// (batch normalization is assumed folded into both), and ReLU6 follows it when <see cref="Relu6"/>.
/// </summary>
public sealed record ConvSpec(string Name, ConvKind Kind, int InChannels, int OutChannels, int Stride, bool Relu6)
{
    public string WeightName => Name + ".weight";

    public string BiasName => Name + ".bias";

    /// <summary>The weight tensor's shape as stored (and as named in a safetensors file).</summary>
    public int[] WeightShape => Kind switch
    {
        ConvKind.Dense3x3 => [OutChannels, 3, 3, InChannels],
        ConvKind.Pointwise => [OutChannels, InChannels],
        ConvKind.Depthwise3x3 => [3, 3, OutChannels],
        _ => throw new InvalidOperationException($"unknown convolution kind {Kind}"),
    };

    /// <summary>Inputs summed into one output value: sets the seeded weights' scale.</summary>
    public int FanIn => Kind switch
    {
        ConvKind.Dense3x3 => 9 * InChannels,
        ConvKind.Pointwise => InChannels,
        _ => 9,
    };

    public long WeightCount => Kind == ConvKind.Depthwise3x3 ? 9L * OutChannels : (long)OutChannels * FanIn;

    /// <summary>Multiply-accumulates per output pixel.</summary>
    public long MacsPerPixel => Kind == ConvKind.Depthwise3x3 ? 9L * OutChannels : (long)OutChannels * FanIn;
}
