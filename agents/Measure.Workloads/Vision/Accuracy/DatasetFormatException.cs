namespace Measure.Workloads.Vision.Accuracy;

/// <summary>A labels file that cannot be read; the message names the file and line.</summary>
public sealed class DatasetFormatException : Exception
{
    public DatasetFormatException(string filePath, int line, string problem)
        : base($"{filePath}:{line}: {problem}")
    {
        FilePath = filePath;
        Line = line;
    }

    public DatasetFormatException()
        : this("(unknown file)", 0, "invalid labels")
    {
    }

    public DatasetFormatException(string message)
        : this("(unknown file)", 0, message)
    {
    }

    public DatasetFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = "(unknown file)";
    }

    public string FilePath { get; }

    public int Line { get; }
}
