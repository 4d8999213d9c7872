using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Measure.Kernels.Dispatch;

namespace Measure.Kernels.Dot;

/// <summary>Exact int8 x int8 dot products accumulated in int32 (b in [-127, 127]); equal on every ISA.</summary>
internal static unsafe class Int8Dot
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int One(KernelIsa isa, sbyte* a, sbyte* b, int length)
    {
        int i = 0;
        int sum = 0;
        if (isa is KernelIsa.Avx2 or KernelIsa.Avx512)
        {
            var acc = Vector256<int>.Zero;
            for (; i + 32 <= length; i += 32)
            {
                acc += Int8Groups.Dot256(Vector256.Load(a + i), Vector256.Load(b + i));
            }

            sum = Vector256.Sum(acc);
        }

        if (isa != KernelIsa.Scalar)
        {
            var acc = Vector128<int>.Zero;
            for (; i + 16 <= length; i += 16)
            {
                acc += Int8Groups.Dot128(Vector128.Load(a + i), Vector128.Load(b + i));
            }

            sum += Vector128.Sum(acc);
        }

        for (; i < length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
