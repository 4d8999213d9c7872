using Measure.Kernels.Formats;
using Measure.Kernels.Threading;

namespace Measure.Kernels.Linear;

/// <summary>
/// Dynamic activation quantization for the int8 paths: each row of activations becomes Q8_0 blocks in
/// the context's scratch, with every block scale also widened to float once (not once per weight row).
/// </summary>
internal static class ActivationQuantizer
{
    public readonly ref struct Quantized(Span<byte> bytes, Span<float> scales)
    {
        public Span<byte> Bytes { get; } = bytes;

        public Span<float> Scales { get; } = scales;
    }

    /// <summary>Quantizes [rows x cols] activations (cols a multiple of 32) into context scratch.</summary>
    public static Quantized Quantize(KernelContext context, ReadOnlySpan<float> activations, int rows, int cols)
    {
        int blocks = rows * (cols / Q8_0.BlockSize);
        var bytes = context.ActivationBytes(blocks * Q8_0.BlockBytes).AsSpan(0, blocks * Q8_0.BlockBytes);
        var scales = context.ActivationScales(blocks).AsSpan(0, blocks);
        for (int b = 0; b < blocks; b++)
        {
            var block = bytes.Slice(b * Q8_0.BlockBytes, Q8_0.BlockBytes);
            Q8_0.QuantizeBlock(activations.Slice(b * Q8_0.BlockSize, Q8_0.BlockSize), block);
            scales[b] = HalfConversion.ToSingle((ushort)(block[0] | (block[1] << 8)));
        }

        return new Quantized(bytes, scales);
    }
}
