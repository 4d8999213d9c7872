namespace Measure.Workloads.Llm;

/// <summary>A greedy continuation: the prompt's token ids, the generated ids and their text.</summary>
public sealed record GenerationResult(string Precision, IReadOnlyList<int> PromptTokens, IReadOnlyList<int> GeneratedTokens, string Text);
