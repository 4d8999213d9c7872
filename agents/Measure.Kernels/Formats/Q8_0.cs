using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Measure.Kernels.Formats;

/// <summary>
/// GGUF Q8_0 block quantization: blocks of 32 values stored as a little-endian FP16 scale d followed by
/// 32 int8 quants; value = d * q. Quants stay within [-127, 127] (symmetric), which the int8 dot
/// products rely on to stay exact.
/// </summary>
public static class Q8_0
{
    /// <summary>Values per block.</summary>
    public const int BlockSize = 32;

    /// <summary>Bytes per block: 2 (FP16 scale) + 32 (int8 quants).</summary>
    public const int BlockBytes = 34;

    /// <summary>Bytes needed to store <paramref name="count"/> values (a multiple of 32).</summary>
    public static int ByteCount(int count)
    {
        EnsureWholeBlocks(count, nameof(count));
        return count / BlockSize * BlockBytes;
    }

    /// <summary>Quantizes <paramref name="source"/> (length a multiple of 32) into Q8_0 blocks.</summary>
    public static void Quantize(ReadOnlySpan<float> source, Span<byte> destination)
    {
        EnsureWholeBlocks(source.Length, nameof(source));
        int needed = source.Length / BlockSize * BlockBytes;
        if (destination.Length != needed)
        {
            throw new ArgumentException(
                $"destination has {destination.Length} bytes but {source.Length} values need {needed} bytes of Q8_0 blocks",
                nameof(destination));
        }

        for (int block = 0; block < source.Length / BlockSize; block++)
        {
            QuantizeBlock(source.Slice(block * BlockSize, BlockSize), destination.Slice(block * BlockBytes, BlockBytes));
        }
    }

    /// <summary>Expands Q8_0 blocks back to floats.</summary>
    public static void Dequantize(ReadOnlySpan<byte> source, Span<float> destination)
    {
        if (source.Length % BlockBytes != 0)
        {
            throw new ArgumentException(
                $"source has {source.Length} bytes, not a whole number of {BlockBytes}-byte Q8_0 blocks", nameof(source));
        }

        int count = source.Length / BlockBytes * BlockSize;
        if (destination.Length != count)
        {
            throw new ArgumentException(
                $"destination has {destination.Length} values but source holds {count}", nameof(destination));
        }

        for (int block = 0; block < source.Length / BlockBytes; block++)
        {
            var bytes = source.Slice(block * BlockBytes, BlockBytes);
            float d = HalfConversion.ToSingle(BinaryPrimitives.ReadUInt16LittleEndian(bytes));
            for (int i = 0; i < BlockSize; i++)
            {
                destination[(block * BlockSize) + i] = d * (sbyte)bytes[2 + i];
            }
        }
    }

    /// <summary>
    /// One block: d = max|x| / 127 (stored as FP16), q = round-half-even(x / d) computed with the FP32 d
    /// as llama.cpp's vectorised quantizer does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void QuantizeBlock(ReadOnlySpan<float> values, Span<byte> block)
    {
        float amax = 0f;
        for (int i = 0; i < BlockSize; i++)
        {
            amax = MathF.Max(amax, MathF.Abs(values[i]));
        }

        float d = amax / 127f;
        float inverse = d != 0f ? 1f / d : 0f;
        BinaryPrimitives.WriteUInt16LittleEndian(block, BitConverter.HalfToUInt16Bits((Half)d));
        for (int i = 0; i < BlockSize; i++)
        {
            float scaled = MathF.Round(values[i] * inverse, MidpointRounding.ToEven);
            block[2 + i] = (byte)(sbyte)Math.Clamp(scaled, -127f, 127f);
        }
    }

    internal static void EnsureWholeBlocks(int count, string parameter)
    {
        if (count < 0 || count % BlockSize != 0)
        {
            throw new ArgumentException(
                $"{parameter} ({count}) must be a non-negative multiple of the Q8_0 block size {BlockSize}", parameter);
        }
    }
}
