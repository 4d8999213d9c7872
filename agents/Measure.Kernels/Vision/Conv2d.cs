using Measure.Kernels.Linear;
using Measure.Kernels.Threading;

namespace Measure.Kernels.Vision;

/// <summary>
/// Dense convolutions over NHWC images. A 1x1 convolution is a GEMM over pixels; a 3x3 convolution
/// (padding 1, stride 1 or 2) gathers each pixel's 3x3 patch (im2col, context scratch) and runs the same
/// GEMM. Weights are [outChannels x (kh, kw, inChannels)] row-major; bias may be empty.
/// </summary>
public static class Conv2d
{
    /// <summary>1x1 convolution, FP32 weights [outChannels x inChannels].</summary>
    public static void Pointwise(
        KernelContext context, ImageShape input, ReadOnlySpan<float> x, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, int outChannels, Span<float> y)
    {
        ArgumentNullException.ThrowIfNull(context);
        input.Validate(x.Length, nameof(x));
        Gemm.F32(context, weights, outChannels, input.Channels, x, input.Pixels, y);
        AddBias(bias, outChannels, y);
    }

    /// <summary>1x1 convolution, FP16 weights [outChannels x inChannels].</summary>
    public static void Pointwise(
        KernelContext context, ImageShape input, ReadOnlySpan<float> x, ReadOnlySpan<Half> weights, ReadOnlySpan<float> bias, int outChannels, Span<float> y)
    {
        ArgumentNullException.ThrowIfNull(context);
        input.Validate(x.Length, nameof(x));
        Gemm.F16(context, weights, outChannels, input.Channels, x, input.Pixels, y);
        AddBias(bias, outChannels, y);
    }

    /// <summary>1x1 convolution, per-output-channel int8 weights; activations quantized per tensor on the fly.</summary>
    public static void Pointwise(
        KernelContext context, ImageShape input, ReadOnlySpan<float> x, ReadOnlySpan<sbyte> weights, ReadOnlySpan<float> weightScales,
        ReadOnlySpan<float> bias, int outChannels, Span<float> y)
    {
        ArgumentNullException.ThrowIfNull(context);
        input.Validate(x.Length, nameof(x));
        Int8Gemm.PerChannel(context, weights, weightScales, outChannels, input.Channels, x, input.Pixels, y, bias);
    }

    /// <summary>3x3 convolution (padding 1), FP32 weights [outChannels x 9 * inChannels].</summary>
    public static void Conv3x3(
        KernelContext context, ImageShape input, ReadOnlySpan<float> x, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias,
        int outChannels, int stride, Span<float> y)
    {
        var (buffer, output) = Im2ColCore(context, input, x, stride, outChannels, y.Length);
        var patches = buffer.AsSpan(0, output.Pixels * 9 * input.Channels);
        Gemm.F32(context, weights, outChannels, 9 * input.Channels, patches, output.Pixels, y);
        AddBias(bias, outChannels, y);
    }

    /// <summary>3x3 convolution (padding 1), FP16 weights [outChannels x 9 * inChannels].</summary>
    public static void Conv3x3(
        KernelContext context, ImageShape input, ReadOnlySpan<float> x, ReadOnlySpan<Half> weights, ReadOnlySpan<float> bias,
        int outChannels, int stride, Span<float> y)
    {
        var (buffer, output) = Im2ColCore(context, input, x, stride, outChannels, y.Length);
        var patches = buffer.AsSpan(0, output.Pixels * 9 * input.Channels);
        Gemm.F16(context, weights, outChannels, 9 * input.Channels, patches, output.Pixels, y);
        AddBias(bias, outChannels, y);
    }

    /// <summary>3x3 convolution (padding 1), per-output-channel int8 weights [outChannels x 9 * inChannels].</summary>
    public static void Conv3x3(
        KernelContext context, ImageShape input, ReadOnlySpan<float> x, ReadOnlySpan<sbyte> weights, ReadOnlySpan<float> weightScales,
        ReadOnlySpan<float> bias, int outChannels, int stride, Span<float> y)
    {
        var (buffer, output) = Im2ColCore(context, input, x, stride, outChannels, y.Length);
        var patches = buffer.AsSpan(0, output.Pixels * 9 * input.Channels);
        Int8Gemm.PerChannel(context, weights, weightScales, outChannels, 9 * input.Channels, patches, output.Pixels, y, bias);
    }

    internal static void EnsureStride(int stride)
    {
        if (stride is not (1 or 2))
        {
            throw new ArgumentException($"stride must be 1 or 2, got {stride}", nameof(stride));
        }
    }

    internal static void AddBias(ReadOnlySpan<float> bias, int channels, Span<float> y)
    {
        if (bias.IsEmpty)
        {
            return;
        }

        Shape.EnsureVector(bias.Length, channels, nameof(bias), "outChannels");
        for (int p = 0; p < y.Length; p += channels)
        {
            var pixel = y.Slice(p, channels);
            for (int c = 0; c < channels; c++)
            {
                pixel[c] += bias[c];
            }
        }
    }

    // Gathers every output pixel's 3x3 x inChannels patch (zeros outside the image) in (kh, kw, c) order.
    private static (float[] Buffer, ImageShape Output) Im2ColCore(
        KernelContext context, ImageShape input, ReadOnlySpan<float> x, int stride, int outChannels, int yLength)
    {
        ArgumentNullException.ThrowIfNull(context);
        input.Validate(x.Length, nameof(x));
        EnsureStride(stride);
        Shape.EnsureNonNegative(outChannels, nameof(outChannels));
        var output = input.Conv3x3Output(stride, outChannels);
        output.Validate(yLength, "y");
        int patch = 9 * input.Channels;
        int length = checked(output.Pixels * patch);
        var buffer = context.FloatScratch(length);
        var patches = buffer.AsSpan(0, length);
        int c = input.Channels;
        for (int oh = 0; oh < output.Height; oh++)
        {
            for (int ow = 0; ow < output.Width; ow++)
            {
                var target = patches.Slice(((oh * output.Width) + ow) * patch, patch);
                for (int kh = 0; kh < 3; kh++)
                {
                    int ih = (oh * stride) + kh - 1;
                    for (int kw = 0; kw < 3; kw++)
                    {
                        int iw = (ow * stride) + kw - 1;
                        var slot = target.Slice(((kh * 3) + kw) * c, c);
                        if (ih < 0 || iw < 0 || ih >= input.Height || iw >= input.Width)
                        {
                            slot.Clear();
                        }
                        else
                        {
                            x.Slice(((ih * input.Width) + iw) * c, c).CopyTo(slot);
                        }
                    }
                }
            }
        }

        return (buffer, output);
    }
}
