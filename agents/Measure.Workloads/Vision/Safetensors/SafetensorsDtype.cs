namespace Measure.Workloads.Vision.Safetensors;

/// <summary>The element types this loader reads and writes (safetensors names "F32" and "F16").</summary>
public enum SafetensorsDtype
{
    F32,
    F16,
}
