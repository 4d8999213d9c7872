using System.Diagnostics;
using Measure.Statistics.Evaluation;

// Synthetic series with known ground truth -> false-positive rate and power of the gate and of simpler rules.
var settings = EvaluationSettings.Parse(args);
var stopwatch = Stopwatch.StartNew();
var cells = NoiseScenario.All
    .SelectMany((scenario, s) => settings.SampleSizes.Select((size, n) => (scenario, size, seed: settings.Seed + (1000 * s) + n)))
    .ToArray();
var results = new CellResult[cells.Length];
Parallel.For(0, cells.Length, i => results[i] = Simulator.RunCell(cells[i].scenario, cells[i].size, settings, cells[i].seed));
Console.Write(ReportWriter.Write(results, settings, stopwatch.Elapsed));
