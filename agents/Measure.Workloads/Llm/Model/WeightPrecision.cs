namespace Measure.Workloads.Llm.Model;

/// <summary>The storage precision of a model's matrices (norms always stay FP32).</summary>
public enum WeightPrecision
{
    F32,
    F16,
    Q8_0,
}
