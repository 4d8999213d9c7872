namespace Measure.Workloads.Gguf;

/// <summary>
/// A model file that cannot be used as it is: truncated, corrupt, of an unsupported version or tensor type,
/// or inconsistent with what the architecture needs. The message always names the file, and the tensor and
/// byte offset when they are known, so a lab can tell which download went wrong.
/// </summary>
public sealed class ModelFormatException : Exception
{
    public ModelFormatException(string filePath, string problem, long? offset = null, string? tensorName = null)
        : base(Compose(filePath, problem, offset, tensorName))
    {
        FilePath = filePath;
        Problem = problem;
        Offset = offset;
        TensorName = tensorName;
    }

    public ModelFormatException(string filePath, string problem, Exception innerException)
        : base(Compose(filePath, problem, null, null), innerException)
    {
        FilePath = filePath;
        Problem = problem;
    }

    public ModelFormatException()
        : this("(unknown file)", "invalid model file")
    {
    }

    public ModelFormatException(string message)
        : this("(unknown file)", message)
    {
    }

    public ModelFormatException(string message, Exception innerException)
        : this("(unknown file)", message, innerException)
    {
    }

    public string FilePath { get; }

    public string Problem { get; }

    public long? Offset { get; }

    public string? TensorName { get; }

    private static string Compose(string filePath, string problem, long? offset, string? tensorName)
    {
        var where = (tensorName, offset) switch
        {
            (not null, not null) => $" (tensor '{tensorName}', offset {offset})",
            (not null, null) => $" (tensor '{tensorName}')",
            (null, not null) => $" (offset {offset})",
            _ => string.Empty,
        };
        return $"{filePath}: {problem}{where}";
    }
}
