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
    private readonly ManualResetEventSlim _finished = new(false);
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
        _finished.Reset();
        Volatile.Write(ref _running, helpers);
        for (int i = 0; i < helpers; i++)
        {
            _wake[i].Release();
        }

        DrainChunks();
        _finished.Wait();
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

        _finished.Dispose();
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
            if (Interlocked.Decrement(ref _running) == 0)
            {
                _finished.Set();
            }
        }
    }
}
