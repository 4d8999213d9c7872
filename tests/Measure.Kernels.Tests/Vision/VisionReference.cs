using Measure.Kernels.Formats;
using Measure.Kernels.Vision;

namespace Measure.Kernels.Tests.Vision;

/// <summary>Naive references: double-precision float convolutions and the int8 formula, written from the definitions.</summary>
internal static class VisionReference
{
    /// <summary>3x3 (padding 1) or 1x1 convolution in double; weights [out x (kh, kw, in)].</summary>
    public static double[] Conv(ImageShape input, float[] x, float[] weights, float[]? bias, int outChannels, int kernel, int stride)
    {
        int pad = kernel / 2;
        var output = kernel == 3 ? input.Conv3x3Output(stride, outChannels) : new ImageShape(input.Height, input.Width, outChannels);
        var y = new double[output.Length];
        for (int oh = 0; oh < output.Height; oh++)
        {
            for (int ow = 0; ow < output.Width; ow++)
            {
                for (int o = 0; o < outChannels; o++)
                {
                    double sum = bias?[o] ?? 0;
                    for (int kh = 0; kh < kernel; kh++)
                    {
                        for (int kw = 0; kw < kernel; kw++)
                        {
                            int ih = (oh * stride) + kh - pad, iw = (ow * stride) + kw - pad;
                            if (ih < 0 || iw < 0 || ih >= input.Height || iw >= input.Width)
                            {
                                continue;
                            }

                            for (int c = 0; c < input.Channels; c++)
                            {
                                sum += (double)x[(((ih * input.Width) + iw) * input.Channels) + c]
                                    * weights[(o * kernel * kernel * input.Channels) + (((kh * kernel) + kw) * input.Channels) + c];
                            }
                        }
                    }

                    y[(((oh * output.Width) + ow) * outChannels) + o] = sum;
                }
            }
        }

        return y;
    }

    /// <summary>Int8 conv: exact int32 sums of quantized values, then acc * (s_x * s_w) + bias in float.</summary>
    public static float[] ConvInt8(ImageShape input, float[] x, sbyte[] weights, float[] scales, float[]? bias, int outChannels, int kernel, int stride)
    {
        var xq = new sbyte[x.Length];
        float xs = SymmetricInt8.Quantize(x, xq);
        var asFloats = xq.Select(v => (float)v).ToArray();
        var wf = weights.Select(v => (float)v).ToArray();
        var sums = Conv(input, asFloats, wf, null, outChannels, kernel, stride);
        var y = new float[sums.Length];
        for (int i = 0; i < y.Length; i++)
        {
            int o = i % outChannels;
            float value = (int)sums[i] * (xs * scales[o]);
            y[i] = bias == null ? value : value + bias[o];
        }

        return y;
    }

    /// <summary>Depthwise 3x3 in double; weights [(kh, kw) x channels].</summary>
    public static double[] Depthwise(ImageShape input, float[] x, float[] weights, float[]? bias, int stride)
    {
        var output = input.Conv3x3Output(stride, input.Channels);
        var y = new double[output.Length];
        int channels = input.Channels;
        for (int oh = 0; oh < output.Height; oh++)
        {
            for (int ow = 0; ow < output.Width; ow++)
            {
                for (int c = 0; c < channels; c++)
                {
                    double sum = bias?[c] ?? 0;
                    for (int tap = 0; tap < 9; tap++)
                    {
                        int ih = (oh * stride) + (tap / 3) - 1, iw = (ow * stride) + (tap % 3) - 1;
                        if (ih >= 0 && iw >= 0 && ih < input.Height && iw < input.Width)
                        {
                            sum += (double)x[(((ih * input.Width) + iw) * channels) + c] * weights[(tap * channels) + c];
                        }
                    }

                    y[(((oh * output.Width) + ow) * channels) + c] = sum;
                }
            }
        }

        return y;
    }

    public static void AssertClose(double[] expected, float[] actual, double tolerance, string label)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(
                Math.Abs(expected[i] - actual[i]) <= tolerance * (1 + Math.Abs(expected[i])),
                $"{label}: element {i} expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
