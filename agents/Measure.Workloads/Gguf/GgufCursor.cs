using System.Buffers.Binary;
using System.Text;

namespace Measure.Workloads.Gguf;

/// <summary>
/// A bounds-checked little-endian reader over the mapped file. Every read checks the remaining length
/// first, so a truncated or lying file ends in a <see cref="ModelFormatException"/> that says what was
/// being read and where, never in an IndexOutOfRangeException or a giant allocation.
/// </summary>
internal ref struct GgufCursor
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly ReadOnlySpan<byte> _data;
    private readonly string _filePath;

    public GgufCursor(ReadOnlySpan<byte> data, string filePath)
    {
        _data = data;
        _filePath = filePath;
        Position = 0;
    }

    public long Position { get; private set; }

    public readonly long Remaining => _data.Length - Position;

    public ReadOnlySpan<byte> Take(long count, string what)
    {
        if (count < 0 || count > Remaining)
        {
            throw new ModelFormatException(
                _filePath, $"truncated file: {what} needs {count} bytes but only {Remaining} remain", Position);
        }

        var slice = _data.Slice((int)Position, (int)count);
        Position += count;
        return slice;
    }

    public byte ReadUInt8(string what) => Take(1, what)[0];

    public ushort ReadUInt16(string what) => BinaryPrimitives.ReadUInt16LittleEndian(Take(2, what));

    public uint ReadUInt32(string what) => BinaryPrimitives.ReadUInt32LittleEndian(Take(4, what));

    public ulong ReadUInt64(string what) => BinaryPrimitives.ReadUInt64LittleEndian(Take(8, what));

    public float ReadFloat32(string what) => BinaryPrimitives.ReadSingleLittleEndian(Take(4, what));

    public double ReadFloat64(string what) => BinaryPrimitives.ReadDoubleLittleEndian(Take(8, what));

    /// <summary>A count that must fit in the file: each counted item takes at least <paramref name="minBytesEach"/> bytes.</summary>
    public long ReadCount(string what, long minBytesEach)
    {
        var start = Position;
        var count = ReadUInt64(what);
        if (count > (ulong)Remaining / (ulong)Math.Max(1, minBytesEach))
        {
            throw new ModelFormatException(
                _filePath, $"{what} is {count}, more than the {Remaining} remaining bytes can hold", start);
        }

        return (long)count;
    }

    public string ReadString(string what)
    {
        var start = Position;
        var length = ReadCount($"length of {what}", 1);
        var bytes = Take(length, what);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ModelFormatException(_filePath, $"{what} is not valid UTF-8", start);
        }
    }

    public ModelFormatException Error(string problem, long offset, string? tensor = null) =>
        new(_filePath, problem, offset, tensor);
}
