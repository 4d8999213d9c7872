namespace Measure.Workloads.Gguf;

/// <summary>
/// The ggml tensor types this loader can run. Other ggml codes exist (Q4_0, the K-quants, BF16, ...);
/// they are named in errors by <see cref="GgufTensorTypes.Describe"/> but cannot be loaded.
/// </summary>
public enum GgufTensorType : uint
{
    F32 = 0,
    F16 = 1,
    Q8_0 = 8,
}
