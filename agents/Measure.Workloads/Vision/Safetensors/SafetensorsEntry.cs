namespace Measure.Workloads.Vision.Safetensors;

/// <summary>One tensor of a safetensors header; <see cref="FileOffset"/> is absolute (header included).</summary>
public sealed record SafetensorsEntry(string Name, SafetensorsDtype Dtype, int[] Shape, long FileOffset, long ByteLength);
