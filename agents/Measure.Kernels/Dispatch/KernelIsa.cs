namespace Measure.Kernels.Dispatch;

/// <summary>A family of kernel implementations, from the portable reference to the widest x86 vectors.</summary>
public enum KernelIsa
{
    /// <summary>Plain scalar loops: the reference every other path is tested against.</summary>
    Scalar,

    /// <summary>Portable 128-bit vectors (SSE on x86, NEON/AdvSimd on ARM).</summary>
    Vector128,

    /// <summary>256-bit AVX2 + FMA, with AVX-VNNI for int8 dot products where the CPU has it.</summary>
    Avx2,

    /// <summary>AVX-512 (F + BW); kernels without a dedicated 512-bit variant run their AVX2 body.</summary>
    Avx512,
}
