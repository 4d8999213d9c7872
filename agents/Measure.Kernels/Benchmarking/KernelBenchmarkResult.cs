namespace Measure.Kernels.Benchmarking;

/// <summary>One kernel at one shape, ISA and thread count.</summary>
/// <param name="Kernel">gemv (decode) or gemm (prefill).</param>
/// <param name="Format">Weight format: q8_0, f16 or f32.</param>
/// <param name="Tokens">Rows of activations (1 for decode).</param>
/// <param name="Rows">Weight rows (output features).</param>
/// <param name="Cols">Weight columns (input features).</param>
/// <param name="Isa">Kernel family that ran.</param>
/// <param name="Threads">Threads used.</param>
/// <param name="Iterations">Timed calls.</param>
/// <param name="MedianMs">Median time per call, milliseconds.</param>
/// <param name="BestMs">Fastest call, milliseconds.</param>
/// <param name="WeightGBps">Weight bytes read per second at the fastest call, GB/s.</param>
/// <param name="Gops">Multiply-accumulates x 2 per second at the fastest call, G/s.</param>
/// <param name="BandwidthFraction">WeightGBps over the probed read bandwidth for the same thread count.</param>
/// <param name="PeakFraction">Gops over the probed peak (int8 for q8_0, FP32 otherwise) for the same thread count.</param>
/// <param name="CpuShare">Process CPU time over (wall time x threads) during the timed calls: 1 means the kernel had
/// its cores to itself; well below 1 means other processes competed and the figures are pessimistic.</param>
public sealed record KernelBenchmarkResult(
    string Kernel,
    string Format,
    int Tokens,
    int Rows,
    int Cols,
    string Isa,
    int Threads,
    int Iterations,
    double MedianMs,
    double BestMs,
    double WeightGBps,
    double Gops,
    double BandwidthFraction,
    double PeakFraction,
    double CpuShare);
