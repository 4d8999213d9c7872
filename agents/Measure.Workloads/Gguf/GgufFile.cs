using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;

namespace Measure.Workloads.Gguf;

/// <summary>
/// A GGUF model file, memory-mapped read-only. Tensor data is exposed as spans over the mapping: the
/// weights of a multi-GB model are paged in by the OS on first use and never copied into managed
/// arrays. Spans stay valid until the file is disposed.
/// </summary>
public sealed unsafe class GgufFile : IDisposable
{
    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _base;
    private readonly Dictionary<string, GgufTensorInfo> _tensorsByName;
    private bool _disposed;

    private GgufFile(
        string path, long length, MemoryMappedFile map, MemoryMappedViewAccessor view, byte* basePointer, GgufHeaderParser.ParsedHeader header)
    {
        FilePath = path;
        FileLength = length;
        _map = map;
        _view = view;
        _base = basePointer;
        Version = header.Version;
        Metadata = header.Metadata;
        Tensors = header.Tensors;
        Alignment = header.Alignment;
        DataOffset = header.DataOffset;
        _tensorsByName = header.Tensors.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    public string FilePath { get; }

    public long FileLength { get; }

    public uint Version { get; }

    public GgufMetadata Metadata { get; }

    public IReadOnlyList<GgufTensorInfo> Tensors { get; }

    public int Alignment { get; }

    /// <summary>Absolute offset of the tensor data section.</summary>
    public long DataOffset { get; }

    /// <summary>Sum of all tensor sizes: what one pass over every weight reads.</summary>
    public long TensorBytes => Tensors.Sum(t => t.ByteSize);

    /// <summary>Maps and parses <paramref name="path"/>; any problem becomes a <see cref="ModelFormatException"/>.</summary>
    public static GgufFile Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        long length;
        try
        {
            length = new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new ModelFormatException(path, $"cannot open: {e.Message}", e);
        }

        if (length == 0)
        {
            throw new ModelFormatException(path, "not a GGUF file: the file is empty", 0);
        }

        MemoryMappedFile? map = null;
        MemoryMappedViewAccessor? view = null;
        var acquired = false;
        try
        {
            map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, mapName: null, capacity: 0, MemoryMappedFileAccess.Read);
            view = map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            acquired = true;
            pointer += view.PointerOffset;
            var header = GgufHeaderParser.Parse(new ReadOnlySpan<byte>(pointer, (int)Math.Min(length, int.MaxValue)), length, path);
            return new GgufFile(path, length, map, view, pointer, header);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Release(map, view, acquired);
            throw new ModelFormatException(path, $"cannot map: {e.Message}", e);
        }
        catch
        {
            Release(map, view, acquired);
            throw;
        }
    }

    public bool TryGetTensor(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GgufTensorInfo? tensor) =>
        _tensorsByName.TryGetValue(name, out tensor);

    public GgufTensorInfo GetTensor(string name) =>
        _tensorsByName.TryGetValue(name, out var tensor) ? tensor : throw new ModelFormatException(FilePath, "missing tensor", tensorName: name);

    /// <summary>The tensor's bytes in its storage layout, straight from the mapping.</summary>
    public ReadOnlySpan<byte> GetBytes(GgufTensorInfo tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_tensorsByName.TryGetValue(tensor.Name, out var own) || !ReferenceEquals(own, tensor))
        {
            throw new ArgumentException($"tensor '{tensor.Name}' does not belong to {FilePath}", nameof(tensor));
        }

        return new ReadOnlySpan<byte>(_base + tensor.AbsoluteOffset, (int)tensor.ByteSize);
    }

    /// <summary>The raw mapping of the whole file, for callers (tests, checksums) that need it.</summary>
    public ReadOnlySpan<byte> GetFileBytes(long offset, int length)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset + length, FileLength, nameof(length));
        return new ReadOnlySpan<byte>(_base + offset, length);
    }

    public ReadOnlySpan<float> GetFloats(GgufTensorInfo tensor) =>
        tensor.Type == GgufTensorType.F32
            ? MemoryMarshal.Cast<byte, float>(GetBytes(tensor))
            : throw new ModelFormatException(FilePath, $"expected an F32 tensor, found {tensor.Type}", tensor.AbsoluteOffset, tensor.Name);

    public ReadOnlySpan<Half> GetHalves(GgufTensorInfo tensor) =>
        tensor.Type == GgufTensorType.F16
            ? MemoryMarshal.Cast<byte, Half>(GetBytes(tensor))
            : throw new ModelFormatException(FilePath, $"expected an F16 tensor, found {tensor.Type}", tensor.AbsoluteOffset, tensor.Name);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Release(_map, _view, acquired: true);
    }

    private static void Release(MemoryMappedFile? map, MemoryMappedViewAccessor? view, bool acquired)
    {
        if (acquired)
        {
            view?.SafeMemoryMappedViewHandle.ReleasePointer();
        }

        view?.Dispose();
        map?.Dispose();
    }
}
