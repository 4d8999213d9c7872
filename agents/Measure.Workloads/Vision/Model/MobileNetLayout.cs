namespace Measure.Workloads.Vision.Model;

/// <summary>
/// Every convolution of a <see cref="MobileNetConfig"/>, in execution order, with the tensor names a
/// weights file uses: <c>stem</c> (3x3 stride 2 + ReLU6), <c>blocks.{i}.expand|depthwise|project</c>,
/// <c>head</c> (1x1 to the last channel count + ReLU6) and <c>classifier</c> (a 1x1 on the globally
/// average-pooled features).
/// </summary>
public sealed class MobileNetLayout
{
    private const int StemChannels = 32;
    private const int LastChannels = 1280;

    public MobileNetLayout(MobileNetConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config.Validate();
        double width = config.WidthMultiplier;
        int channels = MobileNetConfig.ScaleChannels(StemChannels, width);
        Stem = new ConvSpec("stem", ConvKind.Dense3x3, MobileNetConfig.InputChannels, channels, 2, true);
        var blocks = new List<InvertedResidualBlock>();
        int size = Stem.Stride == 2 ? Halve(config.Resolution) : config.Resolution;
        var sizes = new List<int>();
        foreach (var stage in config.Stages)
        {
            int output = MobileNetConfig.ScaleChannels(stage.Channels, width);
            for (int r = 0; r < stage.Repeats; r++)
            {
                int stride = r == 0 ? stage.Stride : 1;
                int hidden = channels * stage.Expansion;
                string name = FormattableString.Invariant($"blocks.{blocks.Count}");
                var expand = stage.Expansion == 1 ? null : new ConvSpec(name + ".expand", ConvKind.Pointwise, channels, hidden, 1, true);
                var depthwise = new ConvSpec(name + ".depthwise", ConvKind.Depthwise3x3, hidden, hidden, stride, true);
                var project = new ConvSpec(name + ".project", ConvKind.Pointwise, hidden, output, 1, false);
                blocks.Add(new InvertedResidualBlock(expand, depthwise, project));
                size = stride == 2 ? Halve(size) : size;
                sizes.Add(size);
                channels = output;
            }
        }

        Blocks = blocks;
        BlockOutputSizes = sizes;
        Head = new ConvSpec("head", ConvKind.Pointwise, channels, width > 1.0 ? MobileNetConfig.ScaleChannels(LastChannels, width) : LastChannels, 1, true);
        Classifier = new ConvSpec("classifier", ConvKind.Pointwise, Head.OutChannels, config.Classes, 1, false);
    }

    public MobileNetConfig Config { get; }

    public ConvSpec Stem { get; }

    public IReadOnlyList<InvertedResidualBlock> Blocks { get; }

    /// <summary>Height (= width) of each block's output.</summary>
    public IReadOnlyList<int> BlockOutputSizes { get; }

    public ConvSpec Head { get; }

    public ConvSpec Classifier { get; }

    /// <summary>Height (= width) of the head's feature map (the input size divided by 32, rounded up).</summary>
    public int FinalSize => BlockOutputSizes[^1];

    /// <summary>Every convolution in execution order.</summary>
    public IEnumerable<ConvSpec> Convolutions =>
        new[] { Stem }.Concat(Blocks.SelectMany(b => b.Convolutions)).Append(Head).Append(Classifier);

    public long ParameterCount => Convolutions.Sum(c => c.WeightCount + c.OutChannels);

    /// <summary>Output size of a 3x3 stride-2 window with padding 1.</summary>
    public static int Halve(int size) => ((size - 1) / 2) + 1;
}
