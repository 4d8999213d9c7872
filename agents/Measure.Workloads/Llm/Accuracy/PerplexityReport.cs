namespace Measure.Workloads.Llm.Accuracy;

/// <summary>Perplexity exp(mean negative log-likelihood) over <see cref="ScoredTokens"/> predicted tokens.</summary>
public sealed record PerplexityReport(string Precision, int ScoredTokens, int Windows, double MeanNegativeLogLikelihood, double Perplexity);
