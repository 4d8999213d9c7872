using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Measure.Kernels.Dispatch;
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
            var job = new QuantizeJob { Wide = context.Isa is KernelIsa.Avx2 or KernelIsa.Avx512, Source = source, Target = target, Scales = targetScales };
            context.Run(ref job, blocks, 256, 512);
        }

        return new Quantized(bytes, scales);
    }

    /// <summary>
    /// <see cref="Q8_0.QuantizeBlock"/> eight lanes at a time, for blocks whose values and reciprocal scale
    /// are finite (false otherwise: the caller takes the scalar path). The same operations in the same
    /// order (|x| max, d = amax / 127, x * (1 / d), round half to even, clamp) give the same bytes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryQuantizeBlockAvx2(float* values, byte* block)
    {
        var v0 = Avx.LoadVector256(values);
        var v1 = Avx.LoadVector256(values + 8);
        var v2 = Avx.LoadVector256(values + 16);
        var v3 = Avx.LoadVector256(values + 24);

        // For non-negative floats the integer order of the bits is the numeric order, and every NaN or
        // infinity is at least 0x7F800000: one integer max finds amax and flags non-finite input.
        var magnitude = Vector256.Create(0x7FFF_FFFF);
        var top = Avx2.Max(
            Avx2.Max(Avx2.And(v0.AsInt32(), magnitude), Avx2.And(v1.AsInt32(), magnitude)),
            Avx2.Max(Avx2.And(v2.AsInt32(), magnitude), Avx2.And(v3.AsInt32(), magnitude)));
        var half = Sse41.Max(top.GetLower(), top.GetUpper());
        half = Sse41.Max(half, Sse2.Shuffle(half, 0b01_00_11_10));
        half = Sse41.Max(half, Sse2.Shuffle(half, 0b10_11_00_01));
        int amaxBits = half.ToScalar();
        if (amaxBits >= 0x7F80_0000)
        {
            return false;
        }

        float d = BitConverter.Int32BitsToSingle(amaxBits) / 127f;
        float inverse = d != 0f ? 1f / d : 0f;
        if (!float.IsFinite(inverse))
        {
            return false;
        }

        Unsafe.WriteUnaligned(block, BitConverter.HalfToUInt16Bits((Half)d));
        var scale = Vector256.Create(inverse);
        var low = Vector256.Create(-127f);
        var high = Vector256.Create(127f);
        var q0 = Avx.ConvertToVector256Int32(Avx.Min(Avx.Max(Avx.RoundToNearestInteger(Avx.Multiply(v0, scale)), low), high));
        var q1 = Avx.ConvertToVector256Int32(Avx.Min(Avx.Max(Avx.RoundToNearestInteger(Avx.Multiply(v1, scale)), low), high));
        var q2 = Avx.ConvertToVector256Int32(Avx.Min(Avx.Max(Avx.RoundToNearestInteger(Avx.Multiply(v2, scale)), low), high));
        var q3 = Avx.ConvertToVector256Int32(Avx.Min(Avx.Max(Avx.RoundToNearestInteger(Avx.Multiply(v3, scale)), low), high));

        // The two in-lane packs leave the 4-byte groups in order 0, 2, 4, 6, 1, 3, 5, 7.
        var bytes = Avx2.PackSignedSaturate(Avx2.PackSignedSaturate(q0, q1), Avx2.PackSignedSaturate(q2, q3));
        Avx.Store((sbyte*)(block + 2), Avx2.PermuteVar8x32(bytes.AsInt32(), Vector256.Create(0, 4, 1, 5, 2, 6, 3, 7)).AsSByte());
        return true;
    }

    private struct QuantizeJob : IRangeJob
    {
        public bool Wide;
        public float* Source;
        public byte* Target;
        public float* Scales;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public readonly void Execute(int start, int end)
        {
            for (int b = start; b < end; b++)
            {
                byte* target = Target + (b * (long)Q8_0.BlockBytes);
                if (Wide && TryQuantizeBlockAvx2(Source + (b * (long)Q8_0.BlockSize), target))
                {
                    Scales[b] = HalfTable.Values[Unsafe.ReadUnaligned<ushort>(target)];
                    continue;
                }

                var block = new Span<byte>(target, Q8_0.BlockBytes);
                Q8_0.QuantizeBlock(new ReadOnlySpan<float>(Source + (b * (long)Q8_0.BlockSize), Q8_0.BlockSize), block);
                Scales[b] = HalfConversion.ToSingle((ushort)(block[0] | (block[1] << 8)));
            }
        }
    }
}
