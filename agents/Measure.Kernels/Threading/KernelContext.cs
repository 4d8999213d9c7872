using Measure.Kernels.Dispatch;

namespace Measure.Kernels.Threading;

/// <summary>
/// Everything a kernel call needs besides its operands: the kernel family, the worker threads and the
/// scratch buffers (quantized activations) reused from call to call. One context serves one caller at a
/// time; create one per concurrent caller. Dispose it to stop its threads.
/// </summary>
public sealed class KernelContext : IDisposable
{
    private static readonly Lazy<KernelContext> LazyDefault = new(() => new KernelContext());

    private readonly WorkerPool _pool;
    private byte[] _activationBytes = [];
    private float[] _activationScales = [];
    private sbyte[] _int8 = [];
    private float[] _floats = [];
    private short[] _int16 = [];
    private int _busy;

    /// <summary>Creates a context with <paramref name="threads"/> threads (default: all cores) running
    /// <paramref name="isa"/> kernels (default: <see cref="KernelRegistry.Selected"/>).</summary>
    public KernelContext(int? threads = null, KernelIsa? isa = null)
    {
        int count = threads ?? Environment.ProcessorCount;
        if (count < 1)
        {
            throw new ArgumentException($"threads must be at least 1, got {count}", nameof(threads));
        }

        Isa = isa ?? KernelRegistry.Selected;
        KernelRegistry.EnsureExecutable(Isa);
        _pool = new WorkerPool(count);
    }

    /// <summary>A process-wide context with all cores and the selected ISA.</summary>
    public static KernelContext Default => LazyDefault.Value;

    /// <summary>The kernel family every call on this context runs.</summary>
    public KernelIsa Isa { get; }

    /// <summary>Threads a call may use, the calling thread included.</summary>
    public int Threads => _pool.Threads;

    /// <inheritdoc />
    public void Dispose() => _pool.Dispose();

    /// <summary>Runs a job over [0, count) split into chunks of <paramref name="grain"/> across the pool;
    /// small jobs (less than <paramref name="minPerThread"/> items per thread) use fewer threads.</summary>
    internal void Run<TJob>(ref TJob job, int count, int grain, int minPerThread = 1)
        where TJob : struct, IRangeJob
    {
        int useful = Math.Max(1, count / Math.Max(1, minPerThread));
        _pool.Run(ref job, count, grain, useful);
    }

    /// <summary>Marks the context busy for one kernel call; a second concurrent caller gets a clear error
    /// instead of corrupted scratch buffers.</summary>
    internal Lease Enter()
    {
        if (Interlocked.Exchange(ref _busy, 1) != 0)
        {
            throw new InvalidOperationException(
                "this KernelContext is already running a kernel on another thread; use one context per concurrent caller");
        }

        return new Lease(this);
    }

    /// <summary>Scratch for quantized activations, grown only when a larger shape arrives.</summary>
    internal byte[] ActivationBytes(int length)
    {
        if (_activationBytes.Length < length)
        {
            _activationBytes = GC.AllocateUninitializedArray<byte>(length, pinned: true);
        }

        return _activationBytes;
    }

    /// <summary>Scratch for activation block scales widened to float.</summary>
    internal float[] ActivationScales(int length)
    {
        if (_activationScales.Length < length)
        {
            _activationScales = GC.AllocateUninitializedArray<float>(length, pinned: true);
        }

        return _activationScales;
    }

    /// <summary>Scratch for symmetric int8 activations.</summary>
    internal sbyte[] Int8Scratch(int length)
    {
        if (_int8.Length < length)
        {
            _int8 = GC.AllocateUninitializedArray<sbyte>(length, pinned: true);
        }

        return _int8;
    }

    /// <summary>Scratch for widened int16 activations (pinned; callers align the pointer themselves).</summary>
    internal short[] Int16Scratch(int length)
    {
        if (_int16.Length < length)
        {
            _int16 = GC.AllocateUninitializedArray<short>(length, pinned: true);
        }

        return _int16;
    }

    /// <summary>Scratch for float staging (im2col patches, widened weights).</summary>
    internal float[] FloatScratch(int length)
    {
        if (_floats.Length < length)
        {
            _floats = GC.AllocateUninitializedArray<float>(length, pinned: true);
        }

        return _floats;
    }

    internal readonly struct Lease(KernelContext owner) : IDisposable
    {
        public void Dispose() => Volatile.Write(ref owner._busy, 0);
    }
}
