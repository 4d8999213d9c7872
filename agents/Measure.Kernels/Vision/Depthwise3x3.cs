using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Formats;
using Measure.Kernels.Threading;

namespace Measure.Kernels.Vision;

/// <summary>
/// Depthwise 3x3 convolution (padding 1, stride 1 or 2) over NHWC images: every channel has its own
/// 3x3 filter, weights [(kh, kw) x channels]. Channels are contiguous, so vectors run across channels;
/// taps are accumulated in the same (kh, kw) order with FMA on every ISA. Output rows are split across
/// the context's threads.
/// </summary>
public static unsafe class Depthwise3x3
{
    /// <summary>FP32 weights [9 x channels].</summary>
    public static void Apply(
        KernelContext context, ImageShape input, ReadOnlySpan<float> x, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, int stride, Span<float> y)
    {
        var output = Validate(context, input, x.Length, weights.Length, bias, stride, y.Length);
        using var lease = context.Enter();
        fixed (float* xp = x)
        fixed (float* w = weights)
        fixed (float* b = bias)
        fixed (float* yp = y)
        {
            var job = new FloatJob { Isa = context.Isa, Input = input, Output = output, Stride = stride, X = xp, W = w, Bias = b, Y = yp };
            context.Run(ref job, output.Height, 1);
        }
    }

    /// <summary>FP16 weights [9 x channels], widened once per call (9 x channels values).</summary>
    public static void Apply(
        KernelContext context, ImageShape input, ReadOnlySpan<float> x, ReadOnlySpan<Half> weights, ReadOnlySpan<float> bias, int stride, Span<float> y)
    {
        ArgumentNullException.ThrowIfNull(context);
        var widened = context.FloatScratch(weights.Length).AsSpan(0, weights.Length);
        Fp16.Dequantize(weights, widened);
        Apply(context, input, x, widened, bias, stride, y);
    }

    /// <summary>
    /// Per-channel int8 weights [9 x channels] with scales [channels]; x is quantized per tensor. Each
    /// output is (float)acc * (s_x * s_w[c]) + bias[c] with an exact int32 acc, identical on every ISA.
    /// </summary>
    public static void Apply(
        KernelContext context, ImageShape input, ReadOnlySpan<float> x, ReadOnlySpan<sbyte> weights, ReadOnlySpan<float> weightScales,
        ReadOnlySpan<float> bias, int stride, Span<float> y)
    {
        var output = Validate(context, input, x.Length, weights.Length, bias, stride, y.Length);
        Shape.EnsureVector(weightScales.Length, input.Channels, nameof(weightScales), "input.Channels");
        using var lease = context.Enter();
        var quantized = context.Int8Scratch(x.Length).AsSpan(0, x.Length);
        float xScale = SymmetricInt8.Quantize(x, quantized);
        fixed (sbyte* xp = quantized)
        fixed (sbyte* w = weights)
        fixed (float* ws = weightScales)
        fixed (float* b = bias)
        fixed (float* yp = y)
        {
            var job = new Int8Job
            {
                Isa = context.Isa, Input = input, Output = output, Stride = stride, X = xp, W = w, Scales = ws, XScale = xScale, Bias = b, Y = yp,
            };
            context.Run(ref job, output.Height, 1);
        }
    }

    private static ImageShape Validate(KernelContext context, ImageShape input, int xLength, int weightLength, ReadOnlySpan<float> bias, int stride, int yLength)
    {
        ArgumentNullException.ThrowIfNull(context);
        input.Validate(xLength, "x");
        Conv2d.EnsureStride(stride);
        Shape.EnsureVector(weightLength, 9 * input.Channels, "weights", "9 x input.Channels");
        if (!bias.IsEmpty)
        {
            Shape.EnsureVector(bias.Length, input.Channels, nameof(bias), "input.Channels");
        }

        var output = input.Conv3x3Output(stride, input.Channels);
        output.Validate(yLength, "y");
        return output;
    }

    private struct FloatJob : IRangeJob
    {
        public KernelIsa Isa;
        public ImageShape Input;
        public ImageShape Output;
        public int Stride;
        public float* X;
        public float* W;
        public float* Bias;
        public float* Y;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly void Execute(int start, int end)
        {
            int channels = Input.Channels;
            for (int oh = start; oh < end; oh++)
            {
                for (int ow = 0; ow < Output.Width; ow++)
                {
                    float* target = Y + ((((long)oh * Output.Width) + ow) * channels);
                    int c = 0;
                    if (Isa is KernelIsa.Avx2 or KernelIsa.Avx512)
                    {
                        for (; c + 8 <= channels; c += 8)
                        {
                            var acc = Bias == null ? Vector256<float>.Zero : Vector256.Load(Bias + c);
                            for (int tap = 0; tap < 9; tap++)
                            {
                                float* source = Pixel(oh, ow, tap);
                                if (source != null)
                                {
                                    acc = Fma.MultiplyAdd(Vector256.Load(source + c), Vector256.Load(W + (tap * channels) + c), acc);
                                }
                            }

                            acc.Store(target + c);
                        }
                    }

                    if (Isa != KernelIsa.Scalar)
                    {
                        for (; c + 4 <= channels; c += 4)
                        {
                            var acc = Bias == null ? Vector128<float>.Zero : Vector128.Load(Bias + c);
                            for (int tap = 0; tap < 9; tap++)
                            {
                                float* source = Pixel(oh, ow, tap);
                                if (source != null)
                                {
                                    acc = Vector128.FusedMultiplyAdd(Vector128.Load(source + c), Vector128.Load(W + (tap * channels) + c), acc);
                                }
                            }

                            acc.Store(target + c);
                        }
                    }

                    for (; c < channels; c++)
                    {
                        float acc = Bias == null ? 0f : Bias[c];
                        for (int tap = 0; tap < 9; tap++)
                        {
                            float* source = Pixel(oh, ow, tap);
                            if (source != null)
                            {
                                acc = MathF.FusedMultiplyAdd(source[c], W[(tap * channels) + c], acc);
                            }
                        }

                        target[c] = acc;
                    }
                }
            }
        }

        // The input pixel under tap (kh, kw) of output (oh, ow), or null in the zero padding.
        private readonly float* Pixel(int oh, int ow, int tap)
        {
            int ih = (oh * Stride) + (tap / 3) - 1;
            int iw = (ow * Stride) + (tap % 3) - 1;
            return ih < 0 || iw < 0 || ih >= Input.Height || iw >= Input.Width ? null : X + ((((long)ih * Input.Width) + iw) * Input.Channels);
        }
    }

    private struct Int8Job : IRangeJob
    {
        public KernelIsa Isa;
        public ImageShape Input;
        public ImageShape Output;
        public int Stride;
        public sbyte* X;
        public sbyte* W;
        public float* Scales;
        public float XScale;
        public float* Bias;
        public float* Y;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly void Execute(int start, int end)
        {
            int channels = Input.Channels;
            int* acc = stackalloc int[8];
            for (int oh = start; oh < end; oh++)
            {
                for (int ow = 0; ow < Output.Width; ow++)
                {
                    float* target = Y + ((((long)oh * Output.Width) + ow) * channels);
                    int c = 0;
                    if (Isa is KernelIsa.Avx2 or KernelIsa.Avx512)
                    {
                        for (; c + 8 <= channels; c += 8)
                        {
                            var sum = Vector256<int>.Zero;
                            for (int tap = 0; tap < 9; tap++)
                            {
                                sbyte* source = Pixel(oh, ow, tap);
                                if (source != null)
                                {
                                    var product = Avx2.MultiplyLow(Avx2.ConvertToVector256Int32(source + c), Avx2.ConvertToVector256Int32(W + (tap * channels) + c));
                                    sum = Avx2.Add(sum, product);
                                }
                            }

                            sum.Store(acc);
                            for (int k = 0; k < 8; k++)
                            {
                                target[c + k] = Finish(acc[k], c + k);
                            }
                        }
                    }

                    for (; c < channels; c++)
                    {
                        int sum = 0;
                        for (int tap = 0; tap < 9; tap++)
                        {
                            sbyte* source = Pixel(oh, ow, tap);
                            if (source != null)
                            {
                                sum += source[c] * W[(tap * channels) + c];
                            }
                        }

                        target[c] = Finish(sum, c);
                    }
                }
            }
        }

        private readonly float Finish(int acc, int channel)
        {
            float value = acc * (XScale * Scales[channel]);
            return Bias == null ? value : value + Bias[channel];
        }

        private readonly sbyte* Pixel(int oh, int ow, int tap)
        {
            int ih = (oh * Stride) + (tap / 3) - 1;
            int iw = (ow * Stride) + (tap % 3) - 1;
            return ih < 0 || iw < 0 || ih >= Input.Height || iw >= Input.Width ? null : X + ((((long)ih * Input.Width) + iw) * Input.Channels);
        }
    }
}
