using Measure.Kernels.Threading;
using Measure.Workloads.Vision.Detection;
using Measure.Workloads.Vision.Images;
using Measure.Workloads.Vision.Model;

namespace Measure.Workloads.Vision.Accuracy;

/// <summary>Scores a model on a labelled folder: top-1 accuracy for a classifier, mAP@IoU for a detector.</summary>
public static class DatasetEvaluator
{
    public static double ClassifierTop1(MobileNetModel model, string labelsPath, KernelContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        var images = LabelFile.ReadClassification(labelsPath);
        if (images.Count == 0)
        {
            throw new DatasetFormatException(labelsPath, 0, "no labelled images");
        }

        var session = new MobileNetSession(model, context);
        int correct = 0;
        foreach (var image in images)
        {
            var tensor = ImagePreprocessor.ToTensor(ImageDecoder.Load(image.Path), model.Config.Resolution);
            correct += LogitComparison.ArgMax(session.Classify(tensor)) == image.ClassId ? 1 : 0;
        }

        return (double)correct / images.Count;
    }

    public static double DetectorMeanAveragePrecision(MobileNetDetector detector, string labelsPath, KernelContext context, float iouThreshold = 0.5f)
    {
        ArgumentNullException.ThrowIfNull(detector);
        var images = LabelFile.ReadDetection(labelsPath);
        if (images.Count == 0)
        {
            throw new DatasetFormatException(labelsPath, 0, "no labelled images");
        }

        var session = new DetectorSession(detector, context);
        var detections = images
            .Select(i => session.Detect(ImagePreprocessor.ToTensor(ImageDecoder.Load(i.Path), detector.Backbone.Config.Resolution)))
            .ToList();
        return MeanAveragePrecision.Compute(detections, images.Select(i => i.Boxes).ToList(), iouThreshold);
    }
}
