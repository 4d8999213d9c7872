using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Measure.Kernels.Formats;

namespace Measure.Kernels.Dot;

/// <summary>
/// AVX2 float GEMM in the classic packed form: a panel of 16 weight rows is transposed into k-major
/// scratch (widening FP16 on the way), then a 6-token x 16-row register tile broadcasts one activation
/// per token and multiplies it into two weight vectors: 12 FMAs per 8 loads and no horizontal sums, so
/// the tile runs at the FMA units' rate. Y[t, r] (+)= X[t, k0..k0+kLen) . W[r, k0..k0+kLen).
/// </summary>
internal static unsafe class F32Panel
{
    public const int Width = 16;
    public const int Tokens = 6;

    /// <summary>Packs rows [0, rowCount) (at most 16) of a k-chunk into panel[k * 16 + r], zero-padding missing rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Pack(float* w, ushort* w16, long wStride, int rowCount, int kLen, float* panel)
    {
        float* widened = stackalloc float[16];
        for (int r = 0; r < Width; r++)
        {
            if (r >= rowCount)
            {
                for (int k = 0; k < kLen; k++)
                {
                    panel[(k * Width) + r] = 0f;
                }

                continue;
            }

            if (w16 != null)
            {
                ushort* source = w16 + (r * wStride);
                int k = 0;
                for (; k + 16 <= kLen; k += 16)
                {
                    HalfConversion.Load16(source + k, out var low, out var high);
                    low.Store(widened);
                    high.Store(widened + 8);
                    for (int i = 0; i < 16; i++)
                    {
                        panel[((k + i) * Width) + r] = widened[i];
                    }
                }

                for (; k < kLen; k++)
                {
                    panel[(k * Width) + r] = HalfConversion.ToSingle(source[k]);
                }
            }
            else
            {
                float* source = w + (r * wStride);
                for (int k = 0; k < kLen; k++)
                {
                    panel[(k * Width) + r] = source[k];
                }
            }
        }
    }

    /// <summary>Six tokens against one packed panel; writes the first <paramref name="rowCount"/> rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Six(float* x, long xStride, float* panel, int kLen, float* y, long yStride, int rowCount, bool accumulate, float* scratch)
    {
        float* x0 = x, x1 = x + xStride, x2 = x + (2 * xStride), x3 = x + (3 * xStride), x4 = x + (4 * xStride), x5 = x + (5 * xStride);
        Vector256<float> a00 = default, a01 = default, a10 = default, a11 = default, a20 = default, a21 = default;
        Vector256<float> a30 = default, a31 = default, a40 = default, a41 = default, a50 = default, a51 = default;
        for (int k = 0; k < kLen; k++)
        {
            var w0 = Avx.LoadVector256(panel + (k * Width));
            var w1 = Avx.LoadVector256(panel + (k * Width) + 8);
            var b = Vector256.Create(x0[k]);
            a00 = Fma.MultiplyAdd(w0, b, a00);
            a01 = Fma.MultiplyAdd(w1, b, a01);
            b = Vector256.Create(x1[k]);
            a10 = Fma.MultiplyAdd(w0, b, a10);
            a11 = Fma.MultiplyAdd(w1, b, a11);
            b = Vector256.Create(x2[k]);
            a20 = Fma.MultiplyAdd(w0, b, a20);
            a21 = Fma.MultiplyAdd(w1, b, a21);
            b = Vector256.Create(x3[k]);
            a30 = Fma.MultiplyAdd(w0, b, a30);
            a31 = Fma.MultiplyAdd(w1, b, a31);
            b = Vector256.Create(x4[k]);
            a40 = Fma.MultiplyAdd(w0, b, a40);
            a41 = Fma.MultiplyAdd(w1, b, a41);
            b = Vector256.Create(x5[k]);
            a50 = Fma.MultiplyAdd(w0, b, a50);
            a51 = Fma.MultiplyAdd(w1, b, a51);
        }

        Store(y, a00, a01, rowCount, accumulate, scratch);
        Store(y + yStride, a10, a11, rowCount, accumulate, scratch);
        Store(y + (2 * yStride), a20, a21, rowCount, accumulate, scratch);
        Store(y + (3 * yStride), a30, a31, rowCount, accumulate, scratch);
        Store(y + (4 * yStride), a40, a41, rowCount, accumulate, scratch);
        Store(y + (5 * yStride), a50, a51, rowCount, accumulate, scratch);
    }

    /// <summary>One token against one packed panel (the token tail).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void One(float* x, float* panel, int kLen, float* y, int rowCount, bool accumulate, float* scratch)
    {
        Vector256<float> a0 = default, a1 = default, c0 = default, c1 = default;
        int k = 0;
        for (; k + 2 <= kLen; k += 2)
        {
            var b = Vector256.Create(x[k]);
            a0 = Fma.MultiplyAdd(Avx.LoadVector256(panel + (k * Width)), b, a0);
            a1 = Fma.MultiplyAdd(Avx.LoadVector256(panel + (k * Width) + 8), b, a1);
            b = Vector256.Create(x[k + 1]);
            c0 = Fma.MultiplyAdd(Avx.LoadVector256(panel + ((k + 1) * Width)), b, c0);
            c1 = Fma.MultiplyAdd(Avx.LoadVector256(panel + ((k + 1) * Width) + 8), b, c1);
        }

        if (k < kLen)
        {
            var b = Vector256.Create(x[k]);
            a0 = Fma.MultiplyAdd(Avx.LoadVector256(panel + (k * Width)), b, a0);
            a1 = Fma.MultiplyAdd(Avx.LoadVector256(panel + (k * Width) + 8), b, a1);
        }

        Store(y, Avx.Add(a0, c0), Avx.Add(a1, c1), rowCount, accumulate, scratch);
    }

    // Call-free on purpose: a call after the loop would make the JIT keep the accumulators in memory
    // (vector registers are caller-saved on x64 Linux). Partial panels go through the caller's scratch.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* y, Vector256<float> low, Vector256<float> high, int rowCount, bool accumulate, float* scratch)
    {
        float* target = rowCount == Width ? y : scratch;
        if (accumulate && rowCount == Width)
        {
            low = Avx.Add(low, Avx.LoadVector256(y));
            high = Avx.Add(high, Avx.LoadVector256(y + 8));
        }

        Avx.Store(target, low);
        Avx.Store(target + 8, high);
        for (int r = 0; r < rowCount && rowCount != Width; r++)
        {
            y[r] = accumulate ? y[r] + scratch[r] : scratch[r];
        }
    }
}
