namespace Measure.Statistics.Evaluation;

internal sealed record EvaluationSettings(int Trials, int Seed, int HistoryRuns, IReadOnlyList<int> SampleSizes, IReadOnlyList<double> Shifts)
{
    public static EvaluationSettings Parse(string[] args)
    {
        var trials = 2000;
        var seed = 20240601;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--trials" when i + 1 < args.Length && int.TryParse(args[i + 1], out var t) && t > 0:
                    trials = t;
                    i++;
                    break;
                case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], out var s):
                    seed = s;
                    i++;
                    break;
                default:
                    throw new ArgumentException($"Unknown or malformed argument '{args[i]}'. Usage: [--trials N] [--seed S]", nameof(args));
            }
        }

        return new EvaluationSettings(trials, seed, HistoryRuns: 20, SampleSizes: [10, 20, 30, 50, 100], Shifts: [0, 0.01, 0.02, 0.05, 0.10]);
    }
}
