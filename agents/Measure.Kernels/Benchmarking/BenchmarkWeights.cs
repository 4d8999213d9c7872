using Measure.Kernels.Formats;

namespace Measure.Kernels.Benchmarking;

/// <summary>
/// Several copies of one weight matrix, visited in turn, so that every call reads its weights from DRAM
/// even when one copy would fit in the last-level cache (4096x4096 Q8_0 is 18 MB). Each copy starts on a
/// cache line, as tensors in a GGUF file (32-byte aligned, in page-aligned mappings) and engines' weight
/// buffers do; a managed array's data starts 16 bytes into a line, which splits every other 32-byte load.
/// </summary>
internal sealed class BenchmarkWeights
{
    private const int Alignment = 64;
    private readonly byte[][] _copies;
    private readonly int[] _offsets;
    private int _next;

    private BenchmarkWeights(byte[][] copies, int[] offsets, long bytesPerCopy)
    {
        _copies = copies;
        _offsets = offsets;
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
        var offsets = new int[copies];
        for (int c = 0; c < copies; c++)
        {
            // Pinned (never moved), so the aligned start found once stays aligned.
            var copy = GC.AllocateUninitializedArray<byte>(checked((int)bytes + Alignment), pinned: true);
            int start = AlignedStart(copy);
            for (long offset = 0; offset < bytes; offset += pattern.Length)
            {
                pattern.AsSpan(0, (int)Math.Min(pattern.Length, bytes - offset)).CopyTo(copy.AsSpan(start + (int)offset));
            }

            all[c] = copy;
            offsets[c] = start;
        }

        return new BenchmarkWeights(all, offsets, bytes);
    }

    /// <summary>The next copy, round-robin.</summary>
    public ReadOnlySpan<byte> Next()
    {
        int c = _next;
        _next = (_next + 1) % _copies.Length;
        return _copies[c].AsSpan(_offsets[c], (int)BytesPerCopy);
    }

    private static unsafe int AlignedStart(byte[] array)
    {
        fixed (byte* p = array)
        {
            return (int)((Alignment - ((nint)p % Alignment)) % Alignment);
        }
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
