using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Measure.Kernels.Formats;

/// <summary>
/// Exact FP16 to FP32 conversion without F16C intrinsics (.NET has none, and <c>(float)Half</c> and
/// <c>TensorPrimitives</c> are far too slow for a bandwidth-bound kernel). Every FP16 value, including
/// subnormals, infinities and NaN payloads, converts exactly, so all paths produce the same floats.
/// </summary>
internal static class HalfConversion
{
    // Shifting the 15 exponent+mantissa bits into place and multiplying by 2^112 rebiases the exponent
    // (15 -> 127) and normalises subnormals in one exact multiply; exponent 31 (inf/NaN) takes a slow path.
    private const int SignedMagnitudeMask = unchecked((int)0x8FFF_E000);
    private const ushort HalfExponentMask = 0x7C00;
    private const float Rebias = 5.192297e33f; // 2^112

    /// <summary>Converts one FP16 bit pattern; fast for normal numbers (all realistic scales).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ToSingle(ushort bits)
    {
        uint exponent = bits & 0x7C00u;
        if (exponent != 0 && exponent != 0x7C00u)
        {
            uint value = ((uint)(bits & 0x8000) << 16) | (((uint)(bits & 0x7FFF) + 0x1_C000u) << 13);
            return BitConverter.UInt32BitsToSingle(value);
        }

        return (float)BitConverter.UInt16BitsToHalf(bits);
    }

    /// <summary>Converts 8 finite FP16 values held in the high 16 bits of each 32-bit lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> FromHighHalvesFinite(Vector256<int> shifted)
    {
        // The arithmetic shift keeps the sign in bit 31 (its copies in bits 28-30 are masked off); the
        // float multiply by 2^112 then rebiases the exponent and keeps the sign.
        var value = Avx2.And(Avx2.ShiftRightArithmetic(shifted, 3), Vector256.Create(SignedMagnitudeMask));
        return Avx.Multiply(value.AsSingle(), Vector256.Create(Rebias));
    }

    /// <summary>Converts 16 FP16 values to two vectors of 8 floats (elements 0-7 and 8-15).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Load16(ushort* source, out Vector256<float> low, out Vector256<float> high)
    {
        var raw = Avx.LoadVector256(source);
        var exponent = Avx2.And(raw, Vector256.Create(HalfExponentMask));
        if (!Avx.TestZ(Avx2.CompareEqual(exponent, Vector256.Create(HalfExponentMask)), Vector256<ushort>.AllBitsSet))
        {
            Load16WithSpecials(source, out low, out high);
            return;
        }

        // Unpacking against zero puts each half in the top of a 32-bit lane; within each 128-bit lane the
        // low unpack takes elements 0-3 / 8-11, so a cross-lane permute first keeps element order.
        var ordered = Avx2.Permute4x64(raw.AsUInt64(), 0b11_01_10_00).AsUInt16();
        low = FromHighHalvesFinite(Avx2.UnpackLow(Vector256<ushort>.Zero, ordered).AsInt32());
        high = FromHighHalvesFinite(Avx2.UnpackHigh(Vector256<ushort>.Zero, ordered).AsInt32());
    }

    /// <summary>Portable conversion of 4 finite FP16 values held in the high 16 bits of each 32-bit lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> FromHighHalvesFinite(Vector128<int> shifted)
    {
        var value = Vector128.ShiftRightArithmetic(shifted, 3) & Vector128.Create(SignedMagnitudeMask);
        return value.AsSingle() * Vector128.Create(Rebias);
    }

    /// <summary>Portable conversion of 8 FP16 values to two vectors of 4 floats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Load8(ushort* source, out Vector128<float> low, out Vector128<float> high)
    {
        var raw = Vector128.Load(source);
        if (Vector128.EqualsAny(raw & Vector128.Create(HalfExponentMask), Vector128.Create(HalfExponentMask)))
        {
            Load8WithSpecials(source, out low, out high);
            return;
        }

        var (lowBits, highBits) = Vector128.Widen(raw);
        low = FromHighHalvesFinite(Vector128.ShiftLeft(lowBits, 16).AsInt32());
        high = FromHighHalvesFinite(Vector128.ShiftLeft(highBits, 16).AsInt32());
    }

    // Infinities and NaNs (exponent 31) are rare in weights: convert such a group one value at a time.
    private static unsafe void Load16WithSpecials(ushort* source, out Vector256<float> low, out Vector256<float> high)
    {
        float* values = stackalloc float[16];
        for (int i = 0; i < 16; i++)
        {
            values[i] = ToSingle(source[i]);
        }

        low = Vector256.Load(values);
        high = Vector256.Load(values + 8);
    }

    private static unsafe void Load8WithSpecials(ushort* source, out Vector128<float> low, out Vector128<float> high)
    {
        float* values = stackalloc float[8];
        for (int i = 0; i < 8; i++)
        {
            values[i] = ToSingle(source[i]);
        }

        low = Vector128.Load(values);
        high = Vector128.Load(values + 4);
    }
}
