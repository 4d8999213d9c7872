namespace Measure.Kernels.Transformer;

/// <summary>How keys and values are stored in the cache: FP32, or FP16 for half the memory traffic.</summary>
public enum KvCachePrecision
{
    F32,
    F16,
}
