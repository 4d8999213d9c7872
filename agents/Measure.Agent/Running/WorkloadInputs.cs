namespace Measure.Agent.Running;

/// <summary>
/// Files given on the command line that a suite's workloads run on: a GGUF model instead of the LLM
/// presets and a text for perplexity; safetensors weights for the vision classifier and detector
/// instead of seeded ones, and a labelled image folder to score them on.
/// </summary>
/// <param name="LabelsPath">Tab-separated labels (classes or boxes, see LabelFile); image paths in it are relative to <paramref name="ImagesPath"/>, or to the labels file's folder when that is null.</param>
public sealed record WorkloadInputs(
    string? ModelPath = null,
    string? TextPath = null,
    string? WeightsPath = null,
    string? DetectorWeightsPath = null,
    string? ImagesPath = null,
    string? LabelsPath = null)
{
    public static WorkloadInputs None { get; } = new();
}
