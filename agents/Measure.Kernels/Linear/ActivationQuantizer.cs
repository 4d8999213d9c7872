using System.Runtime.CompilerServices;
using Measure.Kernels.Formats;
using Measure.Kernels.Threading;

namespace Measure.Kernels.Linear;

/// <summary>
/// Dynamic activation quantization for the int8 paths: each row of activations becomes Q8_0 blocks in
/// the context's scratch, with every block scale also widened to float once (not once per weight row).
/// Rows are quantized in parallel; the result does not depend on the split.
/// </summary>
internal static unsafe class ActivationQuantizer
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
        fixed (float* source = activations)
        fixed (byte* target = bytes)
        fixed (float* targetScales = scales)
        {
            var job = new QuantizeJob { Source = source, Target = target, Scales = targetScales };
            context.Run(ref job, blocks, 256, 512);
        }

        return new Quantized(bytes, scales);
    }

    private struct QuantizeJob : IRangeJob
    {
        public float* Source;
        public byte* Target;
        public float* Scales;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly void Execute(int start, int end)
        {
            for (int b = start; b < end; b++)
            {
                var block = new Span<byte>(Target + (b * (long)Q8_0.BlockBytes), Q8_0.BlockBytes);
                Q8_0.QuantizeBlock(new ReadOnlySpan<float>(Source + (b * (long)Q8_0.BlockSize), Q8_0.BlockSize), block);
                Scales[b] = HalfConversion.ToSingle((ushort)(block[0] | (block[1] << 8)));
            }
        }
    }
}
