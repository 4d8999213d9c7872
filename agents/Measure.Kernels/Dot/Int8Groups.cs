using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Measure.Kernels.Dot;

/// <summary>
/// The int8 building block of every quantized dot product: lane j of the result is the exact int32 sum
/// of a[i] * b[i] for i in 4j..4j+3 (what ARM's sdot and x86's vpdpbusd compute natively). Fixing the
/// grouping is what lets every ISA produce bit-identical float results downstream.
/// Requires b in [-127, 127] (our activation quantizer guarantees it); a may be any int8.
/// </summary>
internal static class Int8Groups
{
    /// <summary>8 groups of 4 over 32 bytes (AVX2, or AVX-VNNI where present).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<int> Dot256(Vector256<sbyte> a, Vector256<sbyte> b)
    {
        // x86 only multiplies unsigned by signed bytes: move a's sign onto b so |a| can be unsigned.
        var magnitude = Avx2.Abs(a);
        var signed = Avx2.Sign(b, a);
        if (AvxVnni.IsSupported)
        {
            return AvxVnni.MultiplyWideningAndAdd(Vector256<int>.Zero, magnitude, signed);
        }

        var pairs = Avx2.MultiplyAddAdjacent(magnitude, signed);
        return Avx2.MultiplyAddAdjacent(pairs, Vector256.Create((short)1));
    }

    /// <summary>4 groups of 4 over 16 bytes, with the best instruction each architecture offers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<int> Dot128(Vector128<sbyte> a, Vector128<sbyte> b)
    {
        if (Ssse3.IsSupported)
        {
            var pairs = Ssse3.MultiplyAddAdjacent(Ssse3.Abs(a), Ssse3.Sign(b, a));
            return Sse2.MultiplyAddAdjacent(pairs, Vector128.Create((short)1));
        }

        if (Dp.IsSupported)
        {
            return Dp.DotProduct(Vector128<int>.Zero, a, b);
        }

        if (AdvSimd.Arm64.IsSupported)
        {
            var low = AdvSimd.AddPairwiseWidening(AdvSimd.MultiplyWideningLower(a.GetLower(), b.GetLower()));
            var high = AdvSimd.AddPairwiseWidening(AdvSimd.MultiplyWideningUpper(a, b));
            return AdvSimd.Arm64.AddPairwise(low, high);
        }

        return Dot128Portable(a, b);
    }

    /// <summary>Architecture-neutral fallback (also exercised directly by tests on every machine).</summary>
    internal static Vector128<int> Dot128Portable(Vector128<sbyte> a, Vector128<sbyte> b)
    {
        var (aLow, aHigh) = Vector128.Widen(a);
        var (bLow, bHigh) = Vector128.Widen(b);
        var (p0, p1) = Vector128.Widen(aLow * bLow);
        var (p2, p3) = Vector128.Widen(aHigh * bHigh);
        return Vector128.Create(Vector128.Sum(p0), Vector128.Sum(p1), Vector128.Sum(p2), Vector128.Sum(p3));
    }

    /// <summary>Scalar definition of one group: the reference the vector forms are tested against.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe int DotScalar(sbyte* a, sbyte* b) =>
        (a[0] * b[0]) + (a[1] * b[1]) + (a[2] * b[2]) + (a[3] * b[3]);
}
