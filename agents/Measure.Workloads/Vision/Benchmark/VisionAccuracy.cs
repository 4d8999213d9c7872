namespace Measure.Workloads.Vision.Benchmark;

/// <summary>
/// Accuracy of a precision against the FP32 model of the same weights on seeded images: top-1 agreement
/// (per image for a classifier, per anchor for a detector) and SQNR of the raw outputs in dB (null when
/// the outputs are identical, i.e. the FP32 reference itself). Data-set figures are present only when
/// labelled images and real weights were supplied.
/// </summary>
public sealed record VisionAccuracy(
    int Images,
    double Top1Agreement,
    double? OutputSqnrDb,
    double? DatasetTop1Accuracy = null,
    double? DatasetMeanAveragePrecision = null);
