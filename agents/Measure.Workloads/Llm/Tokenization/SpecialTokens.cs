namespace Measure.Workloads.Llm.Tokenization;

/// <summary>The special tokens of a vocabulary and whether encoding adds them.</summary>
public sealed record SpecialTokens(int? Bos, int? Eos, int? Unknown, bool AddBos, bool AddEos);
