namespace Measure.Workloads.Llm.Presets;

/// <summary>A named model shape whose weights are generated from a seed, so every device runs the same model without downloads.</summary>
public sealed record LlamaPreset(string Name, LlamaHyperParameters Parameters, bool TiedEmbeddings);
