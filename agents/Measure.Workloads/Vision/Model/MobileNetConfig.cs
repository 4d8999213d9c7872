namespace Measure.Workloads.Vision.Model;

/// <summary>
/// The shape of a MobileNetV2-style classifier: square RGB input of <see cref="Resolution"/> pixels,
/// channel counts scaled by <see cref="WidthMultiplier"/> (rounded to multiples of 8, as the paper does),
/// <see cref="Classes"/> outputs. Images and activations are NHWC (channels last), so every 1x1
/// convolution is one GEMM over pixels and the depthwise kernel vectorizes across channels.
/// </summary>
public sealed record MobileNetConfig(int Resolution, double WidthMultiplier, int Classes, IReadOnlyList<InvertedResidualStage> Stages)
{
    public const int InputChannels = 3;

    /// <summary>MobileNetV2's stages (t, c, n, s) from Sandler et al. 2018, table 2.</summary>
    public static IReadOnlyList<InvertedResidualStage> MobileNetV2Stages { get; } =
    [
        new(1, 16, 1, 1),
        new(6, 24, 2, 2),
        new(6, 32, 3, 2),
        new(6, 64, 4, 2),
        new(6, 96, 3, 1),
        new(6, 160, 3, 2),
        new(6, 320, 1, 1),
    ];

    /// <summary>The standard benchmark model: 224x224, 1000 classes, the given width (1.0 is 3.5M parameters).</summary>
    public static MobileNetConfig Standard(double widthMultiplier = 1.0) => new(224, widthMultiplier, 1000, MobileNetV2Stages);

    /// <summary>A small model with the same structure (every stage, every kind of block) for tests: 32x32, width 0.25, 10 classes.</summary>
    public static MobileNetConfig Tiny { get; } = new(32, 0.25, 10, MobileNetV2Stages);

    /// <summary>A short name for results, e.g. "mobilenetv2-1.0-224".</summary>
    public string Name => FormattableString.Invariant($"mobilenetv2-{WidthMultiplier:0.0##}-{Resolution}");

    public MobileNetConfig Validate()
    {
        if (Resolution < 32)
        {
            throw new ArgumentException($"Resolution must be at least 32 (five stride-2 steps), got {Resolution}", nameof(Resolution));
        }

        if (!(WidthMultiplier > 0 && WidthMultiplier <= 4))
        {
            throw new ArgumentException($"WidthMultiplier must lie in (0, 4], got {WidthMultiplier}", nameof(WidthMultiplier));
        }

        if (Classes < 1)
        {
            throw new ArgumentException($"Classes must be at least 1, got {Classes}", nameof(Classes));
        }

        if (Stages is null || Stages.Count == 0)
        {
            throw new ArgumentException("Stages must name at least one stage", nameof(Stages));
        }

        foreach (var stage in Stages)
        {
            if (stage.Expansion < 1 || stage.Channels < 1 || stage.Repeats < 1 || stage.Stride is not (1 or 2))
            {
                throw new ArgumentException($"stage {stage} needs expansion, channels and repeats >= 1 and stride 1 or 2", nameof(Stages));
            }
        }

        return this;
    }

    /// <summary>Channels scaled by the width and rounded to the nearest multiple of 8, never below 8 nor 90% of the scaled value.</summary>
    public static int ScaleChannels(int channels, double width)
    {
        double scaled = channels * width;
        int rounded = Math.Max(8, (int)(scaled + 4) / 8 * 8);
        return rounded < 0.9 * scaled ? rounded + 8 : rounded;
    }
}
