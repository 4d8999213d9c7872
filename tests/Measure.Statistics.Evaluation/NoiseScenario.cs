namespace Measure.Statistics.Evaluation;

/// <summary>
/// A synthetic noise shape with known ground truth. Samples are multiplicative noise around 1; an injected
/// shift multiplies every candidate sample, so "5% slower" is exactly true of the whole distribution.
/// RunToRunSpread adds one random offset per run, as clock governors and thermal state do on real devices.
/// </summary>
internal sealed record NoiseScenario(string Name, Func<Random, double> Sample, double RunToRunSpread = 0)
{
    public double[] Run(Random random, int count, double shift)
    {
        var offset = RunToRunSpread > 0 ? Math.Exp(RunToRunSpread * Gaussian(random)) : 1;
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = 100 * offset * (1 + shift) * Sample(random);
        }

        return values;
    }

    public static IReadOnlyList<NoiseScenario> All { get; } =
    [
        new("log-normal, 3% spread", r => Math.Exp(0.03 * Gaussian(r))),
        new("log-normal, 10% spread (noisy phone)", r => Math.Exp(0.10 * Gaussian(r))),
        // big.LITTLE: 30% of iterations land on a slow core, 40% slower.
        new("bimodal (30% of samples 40% slower)", r => (r.NextDouble() < 0.3 ? 1.4 : 1.0) * Math.Exp(0.03 * Gaussian(r))),
        // 5% of iterations hit a Pareto(1.5) stall of at least +20% (page faults, preemption).
        new("heavy-tailed (5% Pareto stalls)", r => Math.Exp(0.03 * Gaussian(r)) + (r.NextDouble() < 0.05 ? 0.2 * Math.Pow(1 - r.NextDouble(), -1 / 1.5) : 0)),
        new("log-normal 3% + 2% run-to-run drift", r => Math.Exp(0.03 * Gaussian(r)), RunToRunSpread: 0.02),
    ];

    public static double Gaussian(Random random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
