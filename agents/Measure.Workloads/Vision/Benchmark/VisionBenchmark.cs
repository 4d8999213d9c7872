using System.Diagnostics;
using Measure.Kernels.Dispatch;
using Measure.Kernels.Threading;
using Measure.Workloads.Llm.Benchmark;
using Measure.Workloads.Vision.Accuracy;
using Measure.Workloads.Vision.Detection;
using Measure.Workloads.Vision.Model;

namespace Measure.Workloads.Vision.Benchmark;

/// <summary>
/// Runs the vision workloads: times every image of every batch, then scores the precision against
/// the FP32 model of the same weights on seeded images (outside the timed region).
/// </summary>
public static class VisionBenchmark
{
    public static VisionBenchmarkResult RunClassifier(MobileNetModel model, VisionBenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        using var context = new KernelContext(options.Threads);
        var session = new MobileNetSession(model, context);
        var logits = new float[model.Config.Classes];
        var timing = Time(image => session.Classify(image, logits), model.Config.Resolution, options);
        VisionAccuracy? accuracy = null;
        if (options.AccuracyImages > 0)
        {
            var images = SeededImages.Create(options.AccuracyImages, model.Config.Resolution, options.ImageSeed ^ 0xACC);
            var reference = new MobileNetSession(model.WithPrecision(VisionPrecision.F32), context);
            var expected = images.Select(i => reference.Classify(i)).ToList();
            var actual = images.Select(i => session.Classify(i)).ToList();
            accuracy = new VisionAccuracy(images.Count, LogitComparison.Top1Agreement(expected, actual), Sqnr(expected, actual));
        }

        if (options.LabelsPath is not null)
        {
            double top1 = DatasetEvaluator.ClassifierTop1(model, options.LabelsPath, context);
            accuracy = (accuracy ?? new VisionAccuracy(0, double.NaN, null)) with { DatasetTop1Accuracy = top1 };
        }

        return Result("classifier", model.Name, model.Precision, context, options, model.Config.Resolution, timing, model.WeightBytes, accuracy);
    }

    public static VisionBenchmarkResult RunDetector(MobileNetDetector detector, VisionBenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        using var context = new KernelContext(options.Threads);
        var session = new DetectorSession(detector, context);
        int resolution = detector.Backbone.Config.Resolution;
        var timing = Time(image => session.Detect(image), resolution, options);
        VisionAccuracy? accuracy = null;
        if (options.AccuracyImages > 0)
        {
            var images = SeededImages.Create(options.AccuracyImages, resolution, options.ImageSeed ^ 0xACC);
            var reference = new DetectorSession(detector.WithPrecision(VisionPrecision.F32), context);
            int stride = detector.Layout.Detector.Classes + 1;
            var expectedClasses = new List<float[]>();
            var actualClasses = new List<float[]>();
            var expected = new List<float[]>();
            var actual = new List<float[]>();
            foreach (var image in images)
            {
                reference.RunHeads(image);
                session.RunHeads(image);
                expectedClasses.AddRange(PerAnchor(reference.ClassLogits, stride));
                actualClasses.AddRange(PerAnchor(session.ClassLogits, stride));
                expected.Add([.. reference.ClassLogits, .. reference.BoxOffsets]);
                actual.Add([.. session.ClassLogits, .. session.BoxOffsets]);
            }

            double agreement = LogitComparison.Top1Agreement(expectedClasses, actualClasses);
            accuracy = new VisionAccuracy(images.Count, agreement, Sqnr(expected, actual));
        }

        if (options.LabelsPath is not null)
        {
            double map = DatasetEvaluator.DetectorMeanAveragePrecision(detector, options.LabelsPath, context);
            accuracy = (accuracy ?? new VisionAccuracy(0, double.NaN, null)) with { DatasetMeanAveragePrecision = map };
        }

        return Result("detector", detector.Name, detector.Precision, context, options, resolution, timing, detector.WeightBytes, accuracy);
    }

    private static (List<double> Images, List<double> Batches) Time(Action<float[]> runImage, int resolution, VisionBenchmarkOptions options)
    {
        var images = SeededImages.Create(options.Batch, resolution, options.ImageSeed);
        var perImage = new List<double>(options.Batch * options.MeasuredIterations);
        var batches = new List<double>(options.MeasuredIterations);
        for (int iteration = 0; iteration < options.WarmupIterations + options.MeasuredIterations; iteration++)
        {
            bool measured = iteration >= options.WarmupIterations;
            long batchStart = Stopwatch.GetTimestamp();
            foreach (var image in images)
            {
                long start = Stopwatch.GetTimestamp();
                runImage(image);
                if (measured)
                {
                    perImage.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }

            if (measured)
            {
                batches.Add(Stopwatch.GetElapsedTime(batchStart).TotalMilliseconds);
            }
        }

        return (perImage, batches);
    }

    private static VisionBenchmarkResult Result(
        string workload, string name, VisionPrecision precision, KernelContext context, VisionBenchmarkOptions options, int resolution,
        (List<double> Images, List<double> Batches) timing, long weightBytes, VisionAccuracy? accuracy)
    {
        var sorted = timing.Images.Order().ToArray();
        var throughputs = timing.Batches.Select(ms => options.Batch / (ms / 1000.0)).Order().ToArray();
        return new VisionBenchmarkResult(
            workload,
            name,
            VisionPrecisions.Name(precision),
            KernelRegistry.Name(context.Isa),
            context.Threads,
            options.Batch,
            resolution,
            timing.Images,
            timing.Batches,
            LlmBenchmark.Percentile(sorted, 0.50),
            LlmBenchmark.Percentile(sorted, 0.90),
            LlmBenchmark.Percentile(sorted, 0.99),
            LlmBenchmark.Percentile(throughputs, 0.50),
            PeakResidentMemory.Bytes(),
            weightBytes,
            accuracy);
    }

    private static IEnumerable<float[]> PerAnchor(float[] logits, int stride)
    {
        for (int start = 0; start < logits.Length; start += stride)
        {
            yield return logits.AsSpan(start, stride).ToArray();
        }
    }

    private static double? Sqnr(IReadOnlyList<float[]> expected, IReadOnlyList<float[]> actual)
    {
        double sqnr = LogitComparison.SqnrDb(expected, actual);
        return double.IsPositiveInfinity(sqnr) ? null : sqnr;
    }
}
