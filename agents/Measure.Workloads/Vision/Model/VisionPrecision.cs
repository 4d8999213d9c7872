namespace Measure.Workloads.Vision.Model;

/// <summary>How a vision model stores its convolution weights.</summary>
public enum VisionPrecision
{
    /// <summary>FP32 weights and activations: the reference every other precision is scored against.</summary>
    F32,

    /// <summary>FP16 weight storage, FP32 activations and accumulation.</summary>
    F16,

    /// <summary>
    /// W8A8: per-output-channel symmetric int8 weights; every convolution quantizes its FP32 input per
    /// tensor on the fly (dynamic scale max|x| / 127), accumulates in int32 and writes FP32.
    /// </summary>
    Int8,
}
