namespace Measure.Workloads.Llm.Accuracy;

/// <summary>
/// A candidate precision scored against the FP32 reference of the same weights on the same tokens:
/// how often the next-token argmax agrees, and the mean and worst KL divergence of the distributions.
/// </summary>
public sealed record AccuracyReport(
    string ReferencePrecision,
    string CandidatePrecision,
    int Prompts,
    int Positions,
    double Top1Agreement,
    double MeanKlDivergence,
    double MaxKlDivergence);
