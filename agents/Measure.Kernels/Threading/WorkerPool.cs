using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace Measure.Kernels.Threading;

/// <summary>
/// Long-lived worker threads that split an index range with the calling thread. Chunks are claimed
/// dynamically (an atomic counter) so a core stolen by another process does not stall the whole call.
/// Dispatch allocates nothing: the job is a struct on the caller's stack, reached through a pointer
/// while the caller waits for every worker to finish.
/// </summary>
internal sealed unsafe class WorkerPool : IDisposable
{
    private readonly Thread[] _workers;
    private readonly SemaphoreSlim[] _wake;
    private void* _job;
    private delegate*<void*, int, int, void> _invoke;
    private int _count;
    private int _grain;
    private int _next;
    private int _running;
    private volatile bool _disposed;
    private ExceptionDispatchInfo? _failure;

    public WorkerPool(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        Threads = threads;
        _workers = new Thread[threads - 1];
        _wake = new SemaphoreSlim[threads - 1];
        for (int i = 0; i < _workers.Length; i++)
        {
            _wake[i] = new SemaphoreSlim(0);
            int index = i;
            _workers[i] = new Thread(() => WorkerLoop(index))
            {
                IsBackground = true,
                Name = $"measure-kernel-{i + 1}",
            };
            _workers[i].Start();
        }
    }

    public int Threads { get; }

    /// <summary>Runs <paramref name="job"/> over [0, count) in chunks of <paramref name="grain"/>, using
    /// at most <paramref name="maxThreads"/> threads (the caller included). Returns when all chunks are done.</summary>
    public void Run<TJob>(ref TJob job, int count, int grain, int maxThreads)
        where TJob : struct, IRangeJob
    {
        if (count <= 0)
        {
            return;
        }

        grain = Math.Max(1, grain);
        int helpers = Math.Min(Math.Min(maxThreads, Threads) - 1, ((count + grain - 1) / grain) - 1);
        if (helpers <= 0)
        {
            job.Execute(0, count);
            return;
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        _job = Unsafe.AsPointer(ref job);
        _invoke = &Invoke<TJob>;
        _count = count;
        _grain = grain;
        _next = 0;
        _failure = null;
        Volatile.Write(ref _running, helpers);
        for (int i = 0; i < helpers; i++)
        {
            _wake[i].Release();
        }

        DrainChunks();
        WaitForHelpers();
        _job = null;
        _failure?.Throw();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var wake in _wake)
        {
            wake.Release();
        }

        foreach (var worker in _workers)
        {
            worker.Join();
        }

        foreach (var wake in _wake)
        {
            wake.Dispose();
        }
    }

    private static void Invoke<TJob>(void* job, int start, int end)
        where TJob : struct, IRangeJob => Unsafe.AsRef<TJob>(job).Execute(start, end);

    private void DrainChunks()
    {
        try
        {
            while (true)
            {
                int start = Interlocked.Add(ref _next, _grain) - _grain;
                if (start >= _count)
                {
                    return;
                }

                _invoke(_job, start, Math.Min(start + _grain, _count));
            }
        }
        catch (Exception ex)
        {
            // Stop handing out chunks and surface the first failure on the calling thread.
            Interlocked.Exchange(ref _next, int.MaxValue / 2);
            Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(ex), null);
        }
    }

    // The caller has already drained the queue, so helpers are finishing their last chunk: spin, then
    // yield. (An event would allocate its lock lazily on the first real wait, in the middle of a run.)
    private void WaitForHelpers()
    {
        var spinner = default(SpinWait);
        while (Volatile.Read(ref _running) != 0)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }

    private void WorkerLoop(int index)
    {
        while (true)
        {
            _wake[index].Wait();
            if (_disposed)
            {
                return;
            }

            DrainChunks();
            Interlocked.Decrement(ref _running);
        }
    }
}
