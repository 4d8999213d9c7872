namespace Measure.Workloads.Vision.Model;

/// <summary>Weights that do not fit the network: a tensor is missing or has the wrong shape.</summary>
public sealed class VisionWeightsException : Exception
{
    public VisionWeightsException(string source, string tensorName, string problem)
        : base($"{source}: tensor '{tensorName}' {problem}")
    {
        Source = source;
        TensorName = tensorName;
    }

    public VisionWeightsException()
        : this("(unknown source)", "(unknown)", "is invalid")
    {
    }

    public VisionWeightsException(string message)
        : base(message)
    {
        Source = "(unknown source)";
        TensorName = "(unknown)";
    }

    public VisionWeightsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Source = "(unknown source)";
        TensorName = "(unknown)";
    }

    public new string Source { get; }

    public string TensorName { get; }
}
