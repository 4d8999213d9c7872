using Measure.Kernels.Formats;

namespace Measure.Kernels.Benchmarking;

/// <summary>
/// Several copies of one weight matrix, visited in turn, so that every call reads its weights from DRAM
/// even when one copy would fit in the last-level cache (4096x4096 Q8_0 is 18 MB).
/// </summary>
internal sealed class BenchmarkWeights
{
    private readonly byte[][] _copies;
    private int _next;

    private BenchmarkWeights(byte[][] copies, long bytesPerCopy)
    {
        _copies = copies;
        BytesPerCopy = bytesPerCopy;
    }

    public long BytesPerCopy { get; }

    /// <summary>Builds copies totalling at least <paramref name="footprintBytes"/> of valid, finite weights.</summary>
    public static BenchmarkWeights Create(string format, int rows, int cols, long footprintBytes)
    {
        int elementBytes = format switch { "f32" => 4, "f16" => 2, _ => 0 };
        long bytes = elementBytes == 0 ? (long)Q8_0.ByteCount(cols) * rows : (long)rows * cols * elementBytes;
        byte[] pattern = Pattern(format, cols);
        int copies = (int)Math.Max(1, (footprintBytes + bytes - 1) / bytes);
        var all = new byte[copies][];
        for (int c = 0; c < copies; c++)
        {
            var copy = GC.AllocateUninitializedArray<byte>(checked((int)bytes));
            for (long offset = 0; offset < bytes; offset += pattern.Length)
            {
                pattern.AsSpan(0, (int)Math.Min(pattern.Length, bytes - offset)).CopyTo(copy.AsSpan((int)offset));
            }

            all[c] = copy;
        }

        return new BenchmarkWeights(all, bytes);
    }

    /// <summary>The next copy, round-robin.</summary>
    public byte[] Next()
    {
        var copy = _copies[_next];
        _next = (_next + 1) % _copies.Length;
        return copy;
    }

    // Eight rows of real data in the storage format; repeating whole rows keeps Q8_0 blocks aligned.
    private static byte[] Pattern(string format, int cols)
    {
        var random = new Random(42);
        var values = new float[8 * cols];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() - 0.5);
        }

        switch (format)
        {
            case "f32":
                return System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
            case "f16":
                var halves = new Half[values.Length];
                Fp16.Quantize(values, halves);
                return System.Runtime.InteropServices.MemoryMarshal.AsBytes(halves.AsSpan()).ToArray();
            default:
                var blocks = new byte[Q8_0.ByteCount(values.Length)];
                Q8_0.Quantize(values, blocks);
                return blocks;
        }
    }
}
