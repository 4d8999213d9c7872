namespace Measure.Workloads.Vision.Images;

/// <summary>An image file that cannot be decoded; the message names the file and what is wrong with it.</summary>
public sealed class ImageFormatException : Exception
{
    public ImageFormatException(string filePath, string problem)
        : base($"{filePath}: {problem}")
    {
        FilePath = filePath;
    }

    public ImageFormatException()
        : this("(unknown file)", "invalid image")
    {
    }

    public ImageFormatException(string message)
        : this("(unknown file)", message)
    {
    }

    public ImageFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = "(unknown file)";
    }

    public string FilePath { get; }
}
