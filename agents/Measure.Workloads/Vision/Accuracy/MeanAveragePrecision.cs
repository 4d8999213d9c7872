using Measure.Workloads.Vision.Detection;

namespace Measure.Workloads.Vision.Accuracy;

/// <summary>
/// Detection mAP as PASCAL VOC (2010+) computes it: per class, detections of all images ranked by score;
/// one is a true positive when it overlaps a not-yet-matched ground truth of its class and image by
/// IoU >= threshold; AP is the area under the precision envelope (all points); mAP averages the classes
/// that have ground truth.
/// </summary>
public static class MeanAveragePrecision
{
    public static double Compute(IReadOnlyList<IReadOnlyList<DetectedObject>> detections, IReadOnlyList<IReadOnlyList<GroundTruthBox>> truth, float iouThreshold = 0.5f)
    {
        ArgumentNullException.ThrowIfNull(detections);
        ArgumentNullException.ThrowIfNull(truth);
        if (detections.Count != truth.Count)
        {
            throw new ArgumentException($"{detections.Count} images of detections but {truth.Count} of ground truth", nameof(truth));
        }

        var classes = truth.SelectMany(t => t).Select(t => t.ClassId).Distinct().Order().ToList();
        if (classes.Count == 0)
        {
            throw new ArgumentException("the ground truth has no boxes", nameof(truth));
        }

        return classes.Average(c => AveragePrecision(detections, truth, c, iouThreshold));
    }

    public static double AveragePrecision(IReadOnlyList<IReadOnlyList<DetectedObject>> detections, IReadOnlyList<IReadOnlyList<GroundTruthBox>> truth, int classId, float iouThreshold)
    {
        ArgumentNullException.ThrowIfNull(detections);
        ArgumentNullException.ThrowIfNull(truth);
        var positives = truth.Sum(t => t.Count(b => b.ClassId == classId));
        if (positives == 0)
        {
            return 0;
        }

        var matched = truth.Select(t => new bool[t.Count]).ToArray();
        var ranked = detections
            .SelectMany((list, image) => list.Where(d => d.ClassId == classId).Select(d => (Image: image, Detection: d)))
            .OrderByDescending(x => x.Detection.Score)
            .ToList();
        var precision = new double[ranked.Count];
        var recall = new double[ranked.Count];
        int truePositives = 0;
        for (int i = 0; i < ranked.Count; i++)
        {
            var (image, detection) = ranked[i];
            int best = -1;
            float bestIou = iouThreshold;
            for (int g = 0; g < truth[image].Count; g++)
            {
                var candidate = truth[image][g];
                float iou = candidate.ClassId == classId ? BoundingBox.IntersectionOverUnion(candidate.Box, detection.Box) : 0f;
                if (iou >= bestIou && !matched[image][g])
                {
                    best = g;
                    bestIou = iou;
                }
            }

            if (best >= 0)
            {
                matched[image][best] = true;
                truePositives++;
            }

            precision[i] = (double)truePositives / (i + 1);
            recall[i] = (double)truePositives / positives;
        }

        double ap = 0;
        double previousRecall = 0;
        for (int i = 0; i < ranked.Count; i++)
        {
            double envelope = 0;
            for (int j = i; j < ranked.Count; j++)
            {
                envelope = Math.Max(envelope, precision[j]);
            }

            ap += (recall[i] - previousRecall) * envelope;
            previousRecall = recall[i];
        }

        return ap;
    }
}
