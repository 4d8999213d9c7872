using Measure.Workloads.Vision.Accuracy;

namespace Measure.Agent.Running.Vision;

/// <summary>
/// The labelled images of <c>--image-labels FILE</c> (and <c>--images DIR</c>): which task they label (2
/// tab-separated fields: file and class; 6: file, class and a box) and the labels file the vision
/// library reads. The library resolves image paths against the labels file's folder, so when the
/// images live elsewhere a copy with rebased paths is written, line for line, and every error it
/// raises is reported against the original file and line.
/// </summary>
public sealed class VisionDataset : IDisposable
{
    private VisionDataset(string labelsPath, string readablePath, VisionTask task)
    {
        LabelsPath = labelsPath;
        ReadablePath = readablePath;
        Task = task;
    }

    /// <summary>The labels file as given.</summary>
    public string LabelsPath { get; }

    /// <summary>The labels file the library reads: the original, or its rebased copy.</summary>
    public string ReadablePath { get; }

    public VisionTask Task { get; }

    /// <summary>Labelled images (distinct files for boxes).</summary>
    public int Images { get; private set; }

    public static string Describe(VisionTask task) => task == VisionTask.Classifier ? "class labels" : "boxes";

    /// <summary>Reads and checks the labels (detection labels also read every image's header); bad lines and files throw naming file and line.</summary>
    public static VisionDataset Open(string labelsPath, string? imagesPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(labelsPath);
        labelsPath = Path.GetFullPath(labelsPath);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(labelsPath);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new DatasetFormatException(labelsPath, 0, $"cannot read the labels file: {error.Message}");
        }

        var task = TaskOf(labelsPath, lines);
        var labelsFolder = Path.GetDirectoryName(labelsPath)!;
        var readable = labelsPath;
        if (imagesPath is not null && !SameFolder(Path.GetFullPath(imagesPath), labelsFolder))
        {
            readable = Path.Join(Path.GetTempPath(), $"measure-agent-labels-{Guid.NewGuid():N}.tsv");
            File.WriteAllLines(readable, lines.Select(line => Rebase(line, Path.GetFullPath(imagesPath))));
        }

        var dataset = new VisionDataset(labelsPath, readable, task);
        try
        {
            dataset.Images = dataset.Read(path => task == VisionTask.Classifier ? LabelFile.ReadClassification(path).Count : LabelFile.ReadDetection(path).Count);
            if (dataset.Images == 0)
                throw new DatasetFormatException(labelsPath, 0, "no labelled images");
            return dataset;
        }
        catch
        {
            dataset.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="score"/> on the readable labels file; errors in a rebased copy name the original file.</summary>
    public T Read<T>(Func<string, T> score)
    {
        ArgumentNullException.ThrowIfNull(score);
        try
        {
            return score(ReadablePath);
        }
        catch (DatasetFormatException error) when (ReadablePath != LabelsPath && error.FilePath == ReadablePath)
        {
            var prefix = $"{ReadablePath}:{error.Line}: ";
            var problem = error.Message.StartsWith(prefix, StringComparison.Ordinal) ? error.Message[prefix.Length..] : error.Message;
            throw new DatasetFormatException(LabelsPath, error.Line, problem);
        }
    }

    public void Dispose()
    {
        if (ReadablePath != LabelsPath)
            File.Delete(ReadablePath);
    }

    private static VisionTask TaskOf(string labelsPath, string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            return line.Split('\t').Length switch
            {
                2 => VisionTask.Classifier,
                6 => VisionTask.Detector,
                var fields => throw new DatasetFormatException(labelsPath, i + 1,
                    $"expected 2 tab-separated fields (file, class) or 6 (file, class, xmin, ymin, xmax, ymax), found {fields}"),
            };
        }
        throw new DatasetFormatException(labelsPath, 0, "no labelled images");
    }

    /// <summary>The same line with its image path resolved under the images folder (absolute paths stay; comments and blank lines unchanged).</summary>
    private static string Rebase(string line, string imagesFolder)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            return line;
        var fields = trimmed.Split('\t');
        fields[0] = Path.Combine(imagesFolder, fields[0]);
        return string.Join('\t', fields);
    }

    private static bool SameFolder(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), StringComparison.Ordinal);
}
