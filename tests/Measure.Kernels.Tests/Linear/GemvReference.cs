using System.Buffers.Binary;
using Q8 = Measure.Kernels.Formats.Q8_0;

namespace Measure.Kernels.Tests.Linear;

/// <summary>Test-side references written from the format specifications, independent of the kernels.</summary>
internal static class GemvReference
{
    /// <summary>Q8_0 x Q8_0 in the documented canonical order (8 lane accumulators, fixed final tree).</summary>
    public static float[] Q8_0(byte[] weights, int rows, int cols, float[] x)
    {
        var xq = new byte[Q8.ByteCount(cols)];
        Q8.Quantize(x, xq);
        int blocks = cols / 32;
        var y = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            var acc = new float[8];
            for (int b = 0; b < blocks; b++)
            {
                int wOffset = ((r * blocks) + b) * 34;
                int xOffset = b * 34;
                float dw = (float)BitConverter.UInt16BitsToHalf(BinaryPrimitives.ReadUInt16LittleEndian(weights.AsSpan(wOffset)));
                float dx = (float)BitConverter.UInt16BitsToHalf(BinaryPrimitives.ReadUInt16LittleEndian(xq.AsSpan(xOffset)));
                float scale = dw * dx;
                for (int j = 0; j < 8; j++)
                {
                    int sum = 0;
                    for (int i = 4 * j; i < (4 * j) + 4; i++)
                    {
                        sum += (sbyte)weights[wOffset + 2 + i] * (sbyte)xq[xOffset + 2 + i];
                    }

                    acc[j] = MathF.FusedMultiplyAdd(sum, scale, acc[j]);
                }
            }

            y[r] = ((acc[0] + acc[4]) + (acc[2] + acc[6])) + ((acc[1] + acc[5]) + (acc[3] + acc[7]));
        }

        return y;
    }

    /// <summary>Double-precision product plus the classic error bound n * 2^-24 * sum |w x| per row.</summary>
    public static (double[] Values, double[] Bounds) Exact(float[] weights, int rows, int cols, float[] x)
    {
        var values = new double[rows];
        var bounds = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            double sum = 0, magnitude = 0;
            for (int c = 0; c < cols; c++)
            {
                double product = (double)weights[(r * cols) + c] * x[c];
                sum += product;
                magnitude += Math.Abs(product);
            }

            values[r] = sum;
            bounds[r] = (cols * Math.Pow(2, -24) * magnitude) + 1e-30;
        }

        return (values, bounds);
    }

    public static float[] Widen(Half[] halves) => halves.Select(h => (float)h).ToArray();

    public static Half[] ToHalves(float[] values) => values.Select(v => (Half)v).ToArray();

    public static byte[] QuantizeRows(float[] values)
    {
        var bytes = new byte[Q8.ByteCount(values.Length)];
        Q8.Quantize(values, bytes);
        return bytes;
    }
}
