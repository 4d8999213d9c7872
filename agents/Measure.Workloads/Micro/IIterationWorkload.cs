namespace Measure.Workloads.Micro;

/// <summary>
/// A workload measured one iteration at a time: the run protocol times <see cref="RunIteration"/>
/// and keeps every sample. Preparation (weight generation, quantization) happens before timing.
/// </summary>
public interface IIterationWorkload : IDisposable
{
    string Name { get; }
    string Precision { get; }
    string Isa { get; }
    int Threads { get; }
    IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>Bytes of weights one iteration reads (for GB/s and the roofline).</summary>
    long WeightBytesPerIteration { get; }

    /// <summary>Arithmetic operations of one iteration (a multiply-add counts as two).</summary>
    double OperationsPerIteration { get; }

    void RunIteration();
}
