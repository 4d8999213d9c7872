using Measure.Kernels.Threading;

namespace Measure.Kernels.Vision;

/// <summary>Pooling over NHWC images (no padding: windows that would leave the image are not produced).</summary>
public static class Pooling
{
    /// <summary>Output shape of a k x k window with the given stride and no padding.</summary>
    public static ImageShape OutputShape(ImageShape input, int kernel, int stride)
    {
        if (kernel < 1 || stride < 1)
        {
            throw new ArgumentException($"kernel ({kernel}) and stride ({stride}) must be at least 1", kernel < 1 ? nameof(kernel) : nameof(stride));
        }

        if (input.Height < kernel || input.Width < kernel)
        {
            throw new ArgumentException($"a {kernel}x{kernel} window does not fit in a {input.Height}x{input.Width} image", nameof(kernel));
        }

        return new ImageShape(((input.Height - kernel) / stride) + 1, ((input.Width - kernel) / stride) + 1, input.Channels);
    }

    /// <summary>Maximum over each k x k window.</summary>
    public static void Max(KernelContext context, ImageShape input, ReadOnlySpan<float> x, int kernel, int stride, Span<float> y) =>
        Window(context, input, x, kernel, stride, y, average: false);

    /// <summary>Mean over each k x k window.</summary>
    public static void Average(KernelContext context, ImageShape input, ReadOnlySpan<float> x, int kernel, int stride, Span<float> y) =>
        Window(context, input, x, kernel, stride, y, average: true);

    /// <summary>Mean of every channel over all pixels: y has Channels elements (the classifier head's input).</summary>
    public static void GlobalAverage(KernelContext context, ImageShape input, ReadOnlySpan<float> x, Span<float> y)
    {
        ArgumentNullException.ThrowIfNull(context);
        input.Validate(x.Length, nameof(x));
        Shape.EnsureVector(y.Length, input.Channels, nameof(y), "input.Channels");
        var sums = y;
        sums.Clear();
        for (int p = 0; p < input.Pixels; p++)
        {
            var pixel = x.Slice(p * input.Channels, input.Channels);
            for (int c = 0; c < input.Channels; c++)
            {
                sums[c] += pixel[c];
            }
        }

        float inverse = input.Pixels == 0 ? 0f : 1f / input.Pixels;
        for (int c = 0; c < input.Channels; c++)
        {
            sums[c] *= inverse;
        }
    }

    private static void Window(KernelContext context, ImageShape input, ReadOnlySpan<float> x, int kernel, int stride, Span<float> y, bool average)
    {
        ArgumentNullException.ThrowIfNull(context);
        input.Validate(x.Length, nameof(x));
        var output = OutputShape(input, kernel, stride);
        output.Validate(y.Length, nameof(y));
        int channels = input.Channels;
        float scale = 1f / (kernel * kernel);
        for (int oh = 0; oh < output.Height; oh++)
        {
            for (int ow = 0; ow < output.Width; ow++)
            {
                var target = y.Slice(((oh * output.Width) + ow) * channels, channels);
                target.Fill(average ? 0f : float.NegativeInfinity);
                for (int kh = 0; kh < kernel; kh++)
                {
                    for (int kw = 0; kw < kernel; kw++)
                    {
                        var source = x.Slice((((oh * stride) + kh) * input.Width + (ow * stride) + kw) * channels, channels);
                        for (int c = 0; c < channels; c++)
                        {
                            target[c] = average ? target[c] + source[c] : MathF.Max(target[c], source[c]);
                        }
                    }
                }

                if (average)
                {
                    for (int c = 0; c < channels; c++)
                    {
                        target[c] *= scale;
                    }
                }
            }
        }
    }
}
