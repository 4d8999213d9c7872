using Measure.Workloads.Vision.Model;

namespace Measure.Workloads.Tests.Vision.Model;

/// <summary>Textbook convolutions (direct loops, double accumulation) to check the kernel-backed layers against.</summary>
internal static class NaiveConvolution
{
    public static float[] Apply(ConvSpec spec, float[] weights, float[] bias, float[] x, int height, int width)
    {
        bool pointwise = spec.Kind == ConvKind.Pointwise;
        int outHeight = pointwise ? height : ((height - 1) / spec.Stride) + 1;
        int outWidth = pointwise ? width : ((width - 1) / spec.Stride) + 1;
        var y = new float[outHeight * outWidth * spec.OutChannels];
        for (int oh = 0; oh < outHeight; oh++)
        {
            for (int ow = 0; ow < outWidth; ow++)
            {
                for (int o = 0; o < spec.OutChannels; o++)
                {
                    double sum = bias[o];
                    if (pointwise)
                    {
                        for (int i = 0; i < spec.InChannels; i++)
                        {
                            sum += weights[(o * spec.InChannels) + i] * x[(((oh * width) + ow) * spec.InChannels) + i];
                        }
                    }
                    else
                    {
                        for (int kh = 0; kh < 3; kh++)
                        {
                            for (int kw = 0; kw < 3; kw++)
                            {
                                int ih = (oh * spec.Stride) + kh - 1;
                                int iw = (ow * spec.Stride) + kw - 1;
                                if (ih < 0 || iw < 0 || ih >= height || iw >= width)
                                {
                                    continue;
                                }

                                int pixel = ((ih * width) + iw) * spec.InChannels;
                                if (spec.Kind == ConvKind.Depthwise3x3)
                                {
                                    sum += weights[(((kh * 3) + kw) * spec.OutChannels) + o] * x[pixel + o];
                                }
                                else
                                {
                                    for (int i = 0; i < spec.InChannels; i++)
                                    {
                                        sum += weights[(((((o * 3) + kh) * 3) + kw) * spec.InChannels) + i] * x[pixel + i];
                                    }
                                }
                            }
                        }
                    }

                    float value = (float)sum;
                    y[(((oh * outWidth) + ow) * spec.OutChannels) + o] = spec.Relu6 ? Math.Clamp(value, 0f, 6f) : value;
                }
            }
        }

        return y;
    }
}
