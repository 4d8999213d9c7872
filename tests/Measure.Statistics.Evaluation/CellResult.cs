namespace Measure.Statistics.Evaluation;

/// <summary>Flag rates of every rule for one (scenario, sample size), indexed [rule][shift].</summary>
internal sealed record CellResult(NoiseScenario Scenario, int SampleSize, double[][] FlagRates, double MultimodalFlagRate);
