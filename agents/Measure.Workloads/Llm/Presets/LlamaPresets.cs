namespace Measure.Workloads.Llm.Presets;

/// <summary>The built-in shapes: real Llama 3.2 1B and 3B dimensions, and a tiny one for tests and CI smoke runs.</summary>
public static class LlamaPresets
{
    /// <summary>The shape of the GGUF fixtures (64-wide, 2 layers, 32000 tokens).</summary>
    public static LlamaPreset Tiny { get; } = new("tiny", new LlamaHyperParameters(64, 192, 2, 4, 2, 256, 32000, 10000f, 1e-5f), TiedEmbeddings: false);

    /// <summary>Llama 3.2 1B: 16 blocks of 2048, GQA 32/8, SwiGLU 8192, 128256 tokens, tied embeddings (1.24 B parameters).</summary>
    public static LlamaPreset Llama1B { get; } =
        new("llama-1b", new LlamaHyperParameters(2048, 8192, 16, 32, 8, 4096, 128256, 500000f, 1e-5f), TiedEmbeddings: true);

    /// <summary>Llama 3.2 3B: 28 blocks of 3072, GQA 24/8, SwiGLU 8192, 128256 tokens, tied embeddings (3.2 B parameters).</summary>
    public static LlamaPreset Llama3B { get; } =
        new("llama-3b", new LlamaHyperParameters(3072, 8192, 28, 24, 8, 4096, 128256, 500000f, 1e-5f), TiedEmbeddings: true);

    public static IReadOnlyList<LlamaPreset> All { get; } = [Tiny, Llama1B, Llama3B];

    /// <summary>Looks a preset up by name (case-insensitive); the error lists the known names.</summary>
    public static LlamaPreset Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown model preset '{name}'; known: {string.Join(", ", All.Select(p => p.Name))}", nameof(name));
}
