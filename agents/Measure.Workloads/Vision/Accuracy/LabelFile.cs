using System.Globalization;
using Measure.Workloads.Vision.Detection;
using Measure.Workloads.Vision.Images;

namespace Measure.Workloads.Vision.Accuracy;

/// <summary>
/// Labels for a folder of images, tab-separated, '#' comments and blank lines ignored, paths relative
/// to the labels file. Classification: <c>file&lt;TAB&gt;class</c>, one line per image. Detection:
/// <c>file&lt;TAB&gt;class&lt;TAB&gt;xmin&lt;TAB&gt;ymin&lt;TAB&gt;xmax&lt;TAB&gt;ymax</c> in pixels of the original image,
/// one line per object (an image may repeat). Classes are 0-based indices.
/// </summary>
public static class LabelFile
{
    public static IReadOnlyList<LabelledImage> ReadClassification(string labelsPath) =>
        Read(labelsPath, 2).Select(l => new LabelledImage(l.Path, l.ClassId, [])).ToList();

    /// <summary>Detection labels; boxes are normalized by each image's size (the image header is read).</summary>
    public static IReadOnlyList<LabelledImage> ReadDetection(string labelsPath)
    {
        var images = new List<LabelledImage>();
        foreach (var group in Read(labelsPath, 6).GroupBy(l => l.Path))
        {
            var image = ImageDecoder.Load(group.Key);
            var boxes = group
                .Select(l => new GroundTruthBox(l.ClassId, new BoundingBox(l.Box[0] / image.Width, l.Box[1] / image.Height, l.Box[2] / image.Width, l.Box[3] / image.Height)))
                .ToList();
            images.Add(new LabelledImage(group.Key, -1, boxes));
        }

        return images;
    }

    private static List<(string Path, int ClassId, float[] Box)> Read(string labelsPath, int fields)
    {
        ArgumentException.ThrowIfNullOrEmpty(labelsPath);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(labelsPath);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new DatasetFormatException(labelsPath, 0, $"cannot read the labels file: {error.Message}");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(labelsPath))!;
        var entries = new List<(string, int, float[])>();
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != fields)
            {
                throw new DatasetFormatException(labelsPath, i + 1, $"expected {fields} tab-separated fields, found {parts.Length}");
            }

            if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int classId))
            {
                throw new DatasetFormatException(labelsPath, i + 1, $"class '{parts[1]}' is not a non-negative integer");
            }

            var box = new float[fields - 2];
            for (int f = 2; f < fields; f++)
            {
                if (!float.TryParse(parts[f], NumberStyles.Float, CultureInfo.InvariantCulture, out box[f - 2]) || !float.IsFinite(box[f - 2]))
                {
                    throw new DatasetFormatException(labelsPath, i + 1, $"box coordinate '{parts[f]}' is not a number");
                }
            }

            if (box.Length == 4 && (box[2] <= box[0] || box[3] <= box[1]))
            {
                throw new DatasetFormatException(labelsPath, i + 1, "box needs xmax > xmin and ymax > ymin");
            }

            entries.Add((Path.Combine(folder, parts[0]), classId, box));
        }

        return entries;
    }
}
