using System.Runtime.InteropServices;

namespace Measure.Kernels.Formats;

/// <summary>
/// Every FP16 bit pattern widened to FP32 (256 KiB, built once per process). The Q8_0 kernels read one
/// block scale per 34 bytes: a table load is exact (it is <see cref="HalfConversion.ToSingle"/>) and costs
/// no vector instructions, where a gather or an in-register conversion cost a third of the kernel. The
/// scales of one weight matrix use few distinct values, so the entries they touch stay in L1.
/// </summary>
internal static unsafe class HalfTable
{
    /// <summary>65,536 floats, indexed by the FP16 bit pattern.</summary>
    public static readonly float* Values = Build();

    private static float* Build()
    {
        var values = (float*)NativeMemory.AlignedAlloc(65536 * sizeof(float), 64);
        for (int bits = 0; bits < 65536; bits++)
        {
            values[bits] = HalfConversion.ToSingle((ushort)bits);
        }

        return values;
    }
}
