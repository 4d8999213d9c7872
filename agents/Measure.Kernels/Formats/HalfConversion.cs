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
    private const int SignedMagnitudeMask = unchecked((int)0x8FFF_E000);
    private const int HalfExponentShifted = 0x7C00_0000;
    private const uint FloatExponentMask = 0x7F80_0000;
    private const ushort HalfExponentMask = 0x7C00;
    private const float Rebias = 5.192297e33f; // 2^112

    /// <summary>Converts one FP16 bit pattern. Branch-light and call-free, so kernels that use it keep
    /// their vector accumulators in registers (every vector register is caller-saved on x64 Linux).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ToSingle(ushort bits)
    {
        float scaled = BitConverter.UInt32BitsToSingle((uint)(bits & 0x7FFF) << 13) * Rebias;
        uint result = BitConverter.SingleToUInt32Bits(scaled) | ((uint)(bits & 0x8000) << 16);
        if ((bits & HalfExponentMask) == HalfExponentMask)
        {
            result |= FloatExponentMask;
        }

        return BitConverter.UInt32BitsToSingle(result);
    }

    /// <summary>Converts 8 FP16 values held in the high 16 bits of each 32-bit lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> FromHighHalves(Vector256<int> shifted)
    {
        // The arithmetic shift keeps the sign in bit 31 (its copies in bits 28-30 are masked off); the
        // float multiply by 2^112 then rebiases the exponent and keeps the sign. Exponent 31 (inf/NaN)
        // lands on float exponent 143 and is lifted to 255.
        var value = Avx2.And(Avx2.ShiftRightArithmetic(shifted, 3), Vector256.Create(SignedMagnitudeMask));
        var scaled = Avx.Multiply(value.AsSingle(), Vector256.Create(Rebias)).AsInt32();
        var exponent = Avx2.And(shifted, Vector256.Create(HalfExponentShifted));
        var special = Avx2.CompareEqual(exponent, Vector256.Create(HalfExponentShifted));
        return Avx2.Or(scaled, Avx2.And(special, Vector256.Create((int)FloatExponentMask))).AsSingle();
    }

    /// <summary>Converts 16 FP16 values to two vectors of 8 floats (elements 0-7 and 8-15).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Load16(ushort* source, out Vector256<float> low, out Vector256<float> high)
    {
        // Unpacking against zero puts each half in the top of a 32-bit lane; within each 128-bit lane the
        // low unpack takes elements 0-3 / 8-11, so a cross-lane permute first keeps element order.
        var ordered = Avx2.Permute4x64(Avx.LoadVector256(source).AsUInt64(), 0b11_01_10_00).AsUInt16();
        low = FromHighHalves(Avx2.UnpackLow(Vector256<ushort>.Zero, ordered).AsInt32());
        high = FromHighHalves(Avx2.UnpackHigh(Vector256<ushort>.Zero, ordered).AsInt32());
    }

    /// <summary>Portable conversion of 4 FP16 values held in the high 16 bits of each 32-bit lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> FromHighHalves(Vector128<int> shifted)
    {
        var value = Vector128.ShiftRightArithmetic(shifted, 3) & Vector128.Create(SignedMagnitudeMask);
        var scaled = (value.AsSingle() * Vector128.Create(Rebias)).AsInt32();
        var special = Vector128.Equals(shifted & Vector128.Create(HalfExponentShifted), Vector128.Create(HalfExponentShifted));
        return (scaled | (special & Vector128.Create((int)FloatExponentMask))).AsSingle();
    }

    /// <summary>Portable conversion of 8 FP16 values to two vectors of 4 floats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Load8(ushort* source, out Vector128<float> low, out Vector128<float> high)
    {
        var (lowBits, highBits) = Vector128.Widen(Vector128.Load(source));
        low = FromHighHalves(Vector128.ShiftLeft(lowBits, 16).AsInt32());
        high = FromHighHalves(Vector128.ShiftLeft(highBits, 16).AsInt32());
    }
}
