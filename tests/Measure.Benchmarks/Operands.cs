using System.Runtime.InteropServices;
using Measure.Kernels.Formats;

namespace Measure.Benchmarks;

/// <summary>Deterministic benchmark operands in each storage format.</summary>
internal static class Operands
{
    public static float[] Floats(int count, int seed)
    {
        var random = new Random(seed);
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)(random.NextDouble() - 0.5);
        }

        return values;
    }

    /// <summary>Weights [rows x cols] as raw bytes of the format (q8_0 blocks, f16 or f32 values).</summary>
    public static byte[] Weights(string format, int rows, int cols)
    {
        var values = Floats(rows * cols, 7);
        switch (format)
        {
            case "q8_0":
                var blocks = new byte[Q8_0.ByteCount(values.Length)];
                Q8_0.Quantize(values, blocks);
                return blocks;
            case "f16":
                var halves = new Half[values.Length];
                Fp16.Quantize(values, halves);
                return MemoryMarshal.AsBytes(halves.AsSpan()).ToArray();
            default:
                return MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
        }
    }
}
