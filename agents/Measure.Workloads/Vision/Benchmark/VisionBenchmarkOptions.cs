namespace Measure.Workloads.Vision.Benchmark;

/// <summary>
/// What one vision benchmark measures: batches of <see cref="Batch"/> seeded images pushed through the
/// model back to back (one image at a time on <see cref="Threads"/> threads), <see cref="WarmupIterations"/>
/// unrecorded batches then <see cref="MeasuredIterations"/> recorded ones; accuracy against the FP32
/// model of the same weights on <see cref="AccuracyImages"/> seeded images, and top-1 (classifier) or
/// mAP@0.5 (detector) on the labelled images of <see cref="LabelsPath"/> when given (see LabelFile).
/// </summary>
public sealed record VisionBenchmarkOptions(
    int Threads = 1,
    int Batch = 1,
    int WarmupIterations = 2,
    int MeasuredIterations = 10,
    int AccuracyImages = 8,
    ulong ImageSeed = Accuracy.SeededImages.DefaultSeed,
    string? LabelsPath = null)
{
    public VisionBenchmarkOptions Validate()
    {
        if (Threads < 1)
        {
            throw new ArgumentException($"Threads must be at least 1, got {Threads}", nameof(Threads));
        }

        if (Batch < 1)
        {
            throw new ArgumentException($"Batch must be at least 1, got {Batch}", nameof(Batch));
        }

        if (WarmupIterations < 0 || MeasuredIterations < 1)
        {
            throw new ArgumentException($"need WarmupIterations >= 0 and MeasuredIterations >= 1, got {WarmupIterations} and {MeasuredIterations}", nameof(MeasuredIterations));
        }

        if (AccuracyImages < 0)
        {
            throw new ArgumentException($"AccuracyImages must be non-negative, got {AccuracyImages}", nameof(AccuracyImages));
        }

        return this;
    }
}
