namespace Measure.Kernels.Threading;

/// <summary>A unit of parallel work over the index range [0, count), executed in disjoint chunks.</summary>
internal interface IRangeJob
{
    void Execute(int start, int end);
}
