using Measure.Kernels.Formats;
using Measure.Kernels.Threading;
using Measure.Kernels.Vision;

namespace Measure.Workloads.Vision.Model;

/// <summary>
/// One convolution ready to run in one precision: its weights converted once (FP16 rounding or
/// per-output-channel int8 with scales), its FP32 bias, and ReLU6 applied in place after it.
/// </summary>
public sealed class ConvLayer
{
    private readonly float[] _bias;
    private readonly float[]? _f32;
    private readonly Half[]? _f16;
    private readonly sbyte[]? _int8;
    private readonly float[]? _scales;

    private ConvLayer(ConvSpec spec, VisionPrecision precision, float[] bias, float[]? f32, Half[]? f16, sbyte[]? int8, float[]? scales)
    {
        Spec = spec;
        Precision = precision;
        _bias = bias;
        _f32 = f32;
        _f16 = f16;
        _int8 = int8;
        _scales = scales;
    }

    public ConvSpec Spec { get; }

    public VisionPrecision Precision { get; }

    /// <summary>Bytes of weights this layer reads per image (bias and scales included).</summary>
    public long WeightBytes => (_f32?.Length * 4L ?? 0) + (_f16?.Length * 2L ?? 0) + (_int8?.Length ?? 0) + (_scales?.Length * 4L ?? 0) + (_bias.Length * 4L);

    public static ConvLayer Create(ConvSpec spec, VisionWeights weights, VisionPrecision precision)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(weights);
        var master = weights.Get(spec.WeightName, spec.WeightShape).Values;
        var bias = weights.Get(spec.BiasName, [spec.OutChannels]).Values;
        switch (precision)
        {
            case VisionPrecision.F32:
                return new ConvLayer(spec, precision, bias, master, null, null, null);
            case VisionPrecision.F16:
                var half = new Half[master.Length];
                Fp16.Quantize(master, half);
                return new ConvLayer(spec, precision, bias, null, half, null, null);
            case VisionPrecision.Int8:
                var quantized = new sbyte[master.Length];
                var scales = new float[spec.OutChannels];
                if (spec.Kind == ConvKind.Depthwise3x3)
                {
                    QuantizeColumns(master, 9, spec.OutChannels, quantized, scales);
                }
                else
                {
                    SymmetricInt8.QuantizePerChannel(master, spec.OutChannels, spec.FanIn, quantized, scales);
                }

                return new ConvLayer(spec, precision, bias, null, null, quantized, scales);
            default:
                throw new ArgumentOutOfRangeException(nameof(precision), precision, "unknown vision precision");
        }
    }

    /// <summary>Output shape for an input of the given shape.</summary>
    public ImageShape OutputShape(ImageShape input) =>
        Spec.Kind == ConvKind.Pointwise ? input with { Channels = Spec.OutChannels } : input.Conv3x3Output(Spec.Stride, Spec.OutChannels);

    /// <summary>Runs the convolution (and ReLU6) from x into y, which must hold exactly the output; returns the output shape.</summary>
    public ImageShape Apply(KernelContext context, ImageShape input, ReadOnlySpan<float> x, Span<float> y)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (input.Channels != Spec.InChannels)
        {
            throw new ArgumentException($"layer '{Spec.Name}' takes {Spec.InChannels} channels but the input has {input.Channels}", nameof(input));
        }

        var output = OutputShape(input);
        var target = y[..output.Length];
        switch (Spec.Kind, Precision)
        {
            case (ConvKind.Pointwise, VisionPrecision.F32):
                Conv2d.Pointwise(context, input, x, _f32, _bias, Spec.OutChannels, target);
                break;
            case (ConvKind.Pointwise, VisionPrecision.F16):
                Conv2d.Pointwise(context, input, x, _f16, _bias, Spec.OutChannels, target);
                break;
            case (ConvKind.Pointwise, VisionPrecision.Int8):
                Conv2d.Pointwise(context, input, x, _int8, _scales, _bias, Spec.OutChannels, target);
                break;
            case (ConvKind.Dense3x3, VisionPrecision.F32):
                Conv2d.Conv3x3(context, input, x, _f32, _bias, Spec.OutChannels, Spec.Stride, target);
                break;
            case (ConvKind.Dense3x3, VisionPrecision.F16):
                Conv2d.Conv3x3(context, input, x, _f16, _bias, Spec.OutChannels, Spec.Stride, target);
                break;
            case (ConvKind.Dense3x3, VisionPrecision.Int8):
                Conv2d.Conv3x3(context, input, x, _int8, _scales, _bias, Spec.OutChannels, Spec.Stride, target);
                break;
            case (ConvKind.Depthwise3x3, VisionPrecision.F32):
                Depthwise3x3.Apply(context, input, x, _f32, _bias, Spec.Stride, target);
                break;
            case (ConvKind.Depthwise3x3, VisionPrecision.F16):
                Depthwise3x3.Apply(context, input, x, _f16, _bias, Spec.Stride, target);
                break;
            case (ConvKind.Depthwise3x3, VisionPrecision.Int8):
                Depthwise3x3.Apply(context, input, x, _int8, _scales, _bias, Spec.Stride, target);
                break;
            default:
                throw new InvalidOperationException($"no kernel for {Spec.Kind} in {Precision}");
        }

        if (Spec.Relu6)
        {
            ElementWise.Relu6(context, target, target);
        }

        return output;
    }

    // Depthwise weights are [9 x channels]: each channel is a column, so it gets its own scale there.
    private static void QuantizeColumns(float[] weights, int rows, int columns, sbyte[] quantized, float[] scales)
    {
        for (int c = 0; c < columns; c++)
        {
            float amax = 0f;
            for (int r = 0; r < rows; r++)
            {
                amax = MathF.Max(amax, MathF.Abs(weights[(r * columns) + c]));
            }

            float scale = amax / 127f;
            float inverse = scale != 0f ? 1f / scale : 0f;
            scales[c] = scale;
            for (int r = 0; r < rows; r++)
            {
                int index = (r * columns) + c;
                quantized[index] = (sbyte)Math.Clamp(MathF.Round(weights[index] * inverse, MidpointRounding.ToEven), -127f, 127f);
            }
        }
    }
}
