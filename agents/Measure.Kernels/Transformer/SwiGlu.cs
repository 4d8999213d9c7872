namespace Measure.Kernels.Transformer;

/// <summary>The SwiGLU gate of Llama's MLP: gate = SiLU(gate) * up, with SiLU(x) = x / (1 + e^-x).</summary>
public static class SwiGlu
{
    public static float Silu(float x) => x / (1f + MathF.Exp(-x));

    /// <summary>Overwrites <paramref name="gate"/> with SiLU(gate) * up.</summary>
    public static void ApplyInPlace(Span<float> gate, ReadOnlySpan<float> up)
    {
        Shape.EnsureSameLength(gate.Length, up.Length, nameof(up));
        for (int i = 0; i < gate.Length; i++)
        {
            gate[i] = Silu(gate[i]) * up[i];
        }
    }
}
