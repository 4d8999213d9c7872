using Measure.Statistics.Detection;

namespace Measure.Statistics.Evaluation;

/// <summary>
/// Runs the trials of one cell. The same history, baseline and candidate noise serve every injected shift
/// (common random numbers), so differences between shifts are not sampling noise. Each cell has its own seed,
/// so cells can run in parallel and the output stays deterministic.
/// </summary>
internal static class Simulator
{
    public static CellResult RunCell(NoiseScenario scenario, int sampleSize, EvaluationSettings settings, int cellSeed)
    {
        var random = new Random(cellSeed);
        var rules = DecisionRule.All;
        var counts = rules.Select(_ => new int[settings.Shifts.Count]).ToArray();
        var multimodal = 0;
        for (var t = 0; t < settings.Trials; t++)
        {
            var history = Enumerable.Range(0, settings.HistoryRuns).Select(_ => scenario.Run(random, sampleSize, 0)).ToArray();
            var baseline = scenario.Run(random, sampleSize, 0);
            var candidateNoise = scenario.Run(random, sampleSize, 0);
            multimodal += MultimodalityDetector.Detect(baseline).IsMultimodal ? 1 : 0;
            for (var s = 0; s < settings.Shifts.Count; s++)
            {
                var factor = 1 + settings.Shifts[s];
                var trial = new Trial(history, baseline, candidateNoise.Select(x => x * factor).ToArray());
                for (var r = 0; r < rules.Count; r++)
                {
                    counts[r][s] += rules[r].FlagsRegression(trial) ? 1 : 0;
                }
            }
        }

        var rates = counts.Select(row => row.Select(c => (double)c / settings.Trials).ToArray()).ToArray();
        return new CellResult(scenario, sampleSize, rates, (double)multimodal / settings.Trials);
    }
}
