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
    // (15 -> 127) and normalises subnormals in one exact multiply; exponent 31 (inf/NaN) is patched.
    private const uint MagnitudeMask = 0x0FFF_E000;
    private const uint SignMask = 0x8000_0000;
    private const uint HalfInfinityShifted = 0x0F80_0000;
    private const uint FloatExponentMask = 0x7F80_0000;
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

    /// <summary>Converts 8 FP16 values held in the high 16 bits of each 32-bit lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> FromHighHalves(Vector256<uint> shifted)
    {
        var magnitude = Avx2.And(Avx2.ShiftRightLogical(shifted, 3), Vector256.Create(MagnitudeMask));
        var scaled = Avx.Multiply(magnitude.AsSingle(), Vector256.Create(Rebias)).AsUInt32();
        var infOrNan = Avx2.CompareGreaterThan(magnitude.AsInt32(), Vector256.Create((int)HalfInfinityShifted - 1)).AsUInt32();
        var patched = Avx2.Or(scaled, Avx2.And(infOrNan, Vector256.Create(FloatExponentMask)));
        return Avx2.Or(patched, Avx2.And(shifted, Vector256.Create(SignMask))).AsSingle();
    }

    /// <summary>Converts 16 FP16 values to two vectors of 8 floats (elements 0-7 and 8-15).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Load16(ushort* source, out Vector256<float> low, out Vector256<float> high)
    {
        // Unpacking against zero puts each half in the top of a 32-bit lane; within each 128-bit lane the
        // low unpack takes elements 0-3 / 8-11, so a cross-lane permute first keeps element order.
        var raw = Avx2.Permute4x64(Avx.LoadVector256(source).AsUInt64(), 0b11_01_10_00).AsUInt16();
        low = FromHighHalves(Avx2.UnpackLow(Vector256<ushort>.Zero, raw).AsUInt32());
        high = FromHighHalves(Avx2.UnpackHigh(Vector256<ushort>.Zero, raw).AsUInt32());
    }

    /// <summary>Portable conversion of 4 FP16 values held in the high 16 bits of each 32-bit lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> FromHighHalves(Vector128<uint> shifted)
    {
        var magnitude = Vector128.ShiftRightLogical(shifted, 3) & Vector128.Create(MagnitudeMask);
        var scaled = (magnitude.AsSingle() * Vector128.Create(Rebias)).AsUInt32();
        var infOrNan = Vector128.GreaterThan(magnitude.AsInt32(), Vector128.Create((int)HalfInfinityShifted - 1)).AsUInt32();
        var patched = scaled | (infOrNan & Vector128.Create(FloatExponentMask));
        return (patched | (shifted & Vector128.Create(SignMask))).AsSingle();
    }

    /// <summary>Portable conversion of 8 FP16 values to two vectors of 4 floats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Load8(ushort* source, out Vector128<float> low, out Vector128<float> high)
    {
        var (lowBits, highBits) = Vector128.Widen(Vector128.Load(source));
        low = FromHighHalves(Vector128.ShiftLeft(lowBits, 16));
        high = FromHighHalves(Vector128.ShiftLeft(highBits, 16));
    }
}
