using Measure.Kernels.Dispatch;

namespace Measure.Kernels.Transformer;

/// <summary>Numerically stable softmax (the maximum is subtracted before exponentiating).</summary>
public static class Softmax
{
    public static void InPlace(Span<float> values) => InPlace(KernelRegistry.Selected, values);

    public static void InPlace(KernelIsa isa, Span<float> values)
    {
        if (values.IsEmpty)
        {
            return;
        }

        float max = VectorMath.Max(isa, values);
        float sum = 0f;
        for (int i = 0; i < values.Length; i++)
        {
            float e = MathF.Exp(values[i] - max);
            values[i] = e;
            sum += e;
        }

        float inverse = 1f / sum;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] *= inverse;
        }
    }
}
