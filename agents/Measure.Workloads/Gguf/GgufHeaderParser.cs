namespace Measure.Workloads.Gguf;

/// <summary>
/// Parses the GGUF header, metadata and tensor table (versions 2 and 3) from the mapped bytes, and
/// validates every tensor against the file: supported type, sane shape, aligned offset, data inside
/// the file. Pure: bytes in, a description out.
/// </summary>
internal static class GgufHeaderParser
{
    public const uint Magic = 0x46554747; // "GGUF" read as little-endian uint32
    public const int DefaultAlignment = 32;
    private const int MaxDimensions = 4; // GGML_MAX_DIMS

    internal sealed record ParsedHeader(
        uint Version,
        GgufMetadata Metadata,
        IReadOnlyList<GgufTensorInfo> Tensors,
        int Alignment,
        long DataOffset);

    /// <param name="file">The file's bytes, or its first 2 GiB when it is larger (the header always is near the start).</param>
    /// <param name="fileLength">The real file length, against which tensor data is checked.</param>
    /// <param name="filePath">Named in every error.</param>
    public static ParsedHeader Parse(ReadOnlySpan<byte> file, long fileLength, string filePath)
    {
        var cursor = new GgufCursor(file, filePath);
        if (file.Length < 4 || cursor.ReadUInt32("magic") != Magic)
        {
            var found = file.Length < 4 ? $"a {file.Length}-byte file" : $"'{Printable(file[..4])}'";
            throw new ModelFormatException(filePath, $"not a GGUF file: expected magic 'GGUF', found {found}", 0);
        }

        var version = cursor.ReadUInt32("version");
        if (version is not (2 or 3))
        {
            var hint = version == 1 ? " (GGUF v1 used 32-bit counts; re-convert the model)" :
                version > 0xFFFF ? " (a big-endian GGUF file?)" : string.Empty;
            throw new ModelFormatException(filePath, $"unsupported GGUF version {version}{hint}; supported: 2, 3", 4);
        }

        // Each tensor-table entry needs at least 8 (name length) + 4 (dims) + 4 (type) + 8 (offset) bytes,
        // each metadata entry at least 8 (key length) + 4 (type) + 1 (value).
        var tensorCount = cursor.ReadCount("tensor count", 24);
        var metadataCount = cursor.ReadCount("metadata count", 13);

        var values = new Dictionary<string, GgufValue>(StringComparer.Ordinal);
        for (long i = 0; i < metadataCount; i++)
        {
            var keyOffset = cursor.Position;
            var key = cursor.ReadString($"metadata key #{i}");
            var value = ReadValue(ref cursor, key, depth: 0);
            if (!values.TryAdd(key, value))
            {
                throw cursor.Error($"duplicate metadata key '{key}'", keyOffset);
            }
        }

        var metadata = new GgufMetadata(filePath, values);
        var alignment = ReadAlignment(metadata, filePath);

        var raw = new List<(string Name, long[] Dims, uint Type, ulong Offset, long EntryOffset)>((int)tensorCount);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (long i = 0; i < tensorCount; i++)
        {
            var entryOffset = cursor.Position;
            var name = cursor.ReadString($"name of tensor #{i}");
            if (!names.Add(name))
            {
                throw cursor.Error("duplicate tensor name", entryOffset, name);
            }

            var dimensionCount = cursor.ReadUInt32($"dimension count of tensor '{name}'");
            if (dimensionCount is 0 or > MaxDimensions)
            {
                throw cursor.Error($"tensor has {dimensionCount} dimensions; expected 1 to {MaxDimensions}", entryOffset, name);
            }

            var dims = new long[dimensionCount];
            for (var d = 0; d < dimensionCount; d++)
            {
                var dim = cursor.ReadUInt64($"dimension {d} of tensor '{name}'");
                if (dim is 0 or > int.MaxValue)
                {
                    throw cursor.Error($"dimension {d} is {dim}; expected 1 to {int.MaxValue}", entryOffset, name);
                }

                dims[d] = (long)dim;
            }

            var type = cursor.ReadUInt32($"type of tensor '{name}'");
            var offset = cursor.ReadUInt64($"offset of tensor '{name}'");
            raw.Add((name, dims, type, offset, entryOffset));
        }

        var dataOffset = AlignUp(cursor.Position, alignment);
        if (dataOffset > fileLength && tensorCount > 0)
        {
            throw cursor.Error($"truncated file: tensor data should start at {dataOffset} but the file has {fileLength} bytes", cursor.Position);
        }

        var tensors = raw.Select(t => Validate(t.Name, t.Dims, t.Type, t.Offset, t.EntryOffset, dataOffset, alignment, fileLength, filePath)).ToList();
        return new ParsedHeader(version, metadata, tensors, alignment, dataOffset);
    }

    private static GgufTensorInfo Validate(
        string name, long[] dims, uint typeCode, ulong relative, long entryOffset, long dataOffset, int alignment, long fileLength, string filePath)
    {
        if (!GgufTensorTypes.IsSupported(typeCode))
        {
            throw new ModelFormatException(
                filePath, $"unsupported tensor type {GgufTensorTypes.Describe(typeCode)} in tensor '{name}'; supported: F32, F16, Q8_0", entryOffset, name);
        }

        var type = (GgufTensorType)typeCode;
        long elements;
        try
        {
            elements = dims.Aggregate(1L, (product, d) => checked(product * d));
        }
        catch (OverflowException)
        {
            throw new ModelFormatException(filePath, $"shape [{string.Join(", ", dims)}] overflows", entryOffset, name);
        }

        if (dims[0] % GgufTensorTypes.BlockElements(type) != 0)
        {
            throw new ModelFormatException(
                filePath, $"row length {dims[0]} is not a multiple of the {type} block size {GgufTensorTypes.BlockElements(type)}", entryOffset, name);
        }

        var size = GgufTensorTypes.ByteSize(type, elements);
        if (size > int.MaxValue)
        {
            throw new ModelFormatException(filePath, $"tensor of {size} bytes is larger than the 2 GiB a single tensor may have here", entryOffset, name);
        }

        if (relative % (ulong)alignment != 0)
        {
            throw new ModelFormatException(filePath, $"data offset {relative} is not aligned to {alignment}", entryOffset, name);
        }

        if (relative > (ulong)fileLength || (long)relative > fileLength - dataOffset - size)
        {
            throw new ModelFormatException(
                filePath,
                $"tensor data [{dataOffset}+{relative}, +{size} bytes) lies beyond the end of the {fileLength}-byte file",
                entryOffset,
                name);
        }

        return new GgufTensorInfo(name, dims, type, (long)relative, dataOffset + (long)relative, size);
    }

    private static int ReadAlignment(GgufMetadata metadata, string filePath)
    {
        var alignment = metadata.GetIntegerOrNull("general.alignment") ?? DefaultAlignment;
        if (alignment <= 0 || alignment > 1 << 20 || (alignment & (alignment - 1)) != 0)
        {
            throw new ModelFormatException(filePath, $"general.alignment is {alignment}; expected a power of two");
        }

        return (int)alignment;
    }

    private static GgufValue ReadValue(ref GgufCursor cursor, string key, int depth)
    {
        var typeOffset = cursor.Position;
        var typeCode = cursor.ReadUInt32($"type of metadata '{key}'");
        if (!Enum.IsDefined(typeof(GgufValueType), typeCode))
        {
            throw cursor.Error($"metadata '{key}' has unknown value type {typeCode}", typeOffset);
        }

        var type = (GgufValueType)typeCode;
        if (type != GgufValueType.Array)
        {
            return new GgufValue(type, ReadScalar(ref cursor, type, key));
        }

        if (depth > 8)
        {
            throw cursor.Error($"metadata '{key}' nests arrays more than 8 deep", typeOffset);
        }

        var elementOffset = cursor.Position;
        var elementCode = cursor.ReadUInt32($"element type of metadata '{key}'");
        if (!Enum.IsDefined(typeof(GgufValueType), elementCode))
        {
            throw cursor.Error($"metadata '{key}' has unknown array element type {elementCode}", elementOffset);
        }

        var elementType = (GgufValueType)elementCode;
        var count = (int)Math.Min(int.MaxValue, cursor.ReadCount($"length of array '{key}'", MinimumSize(elementType)));
        return new GgufValue(GgufValueType.Array, ReadArray(ref cursor, elementType, count, key, depth), elementType);
    }

    private static object ReadArray(ref GgufCursor cursor, GgufValueType type, int count, string key, int depth)
    {
        string what = $"element of array '{key}'";
        switch (type)
        {
            case GgufValueType.String:
                var strings = new string[count];
                for (var i = 0; i < count; i++)
                {
                    strings[i] = cursor.ReadString(what);
                }

                return strings;
            case GgufValueType.Float32:
                return ReadPrimitives<float>(ref cursor, count, what);
            case GgufValueType.Int32:
                return ReadPrimitives<int>(ref cursor, count, what);
            case GgufValueType.UInt32:
                return ReadPrimitives<uint>(ref cursor, count, what);
            case GgufValueType.UInt8:
                return ReadPrimitives<byte>(ref cursor, count, what);
            case GgufValueType.Int8:
                return ReadPrimitives<sbyte>(ref cursor, count, what);
            case GgufValueType.UInt16:
                return ReadPrimitives<ushort>(ref cursor, count, what);
            case GgufValueType.Int16:
                return ReadPrimitives<short>(ref cursor, count, what);
            case GgufValueType.UInt64:
                return ReadPrimitives<ulong>(ref cursor, count, what);
            case GgufValueType.Int64:
                return ReadPrimitives<long>(ref cursor, count, what);
            case GgufValueType.Float64:
                return ReadPrimitives<double>(ref cursor, count, what);
            case GgufValueType.Bool:
                var bools = new bool[count];
                for (var i = 0; i < count; i++)
                {
                    bools[i] = ReadBool(ref cursor, what);
                }

                return bools;
            default:
                var nested = new GgufValue[count];
                for (var i = 0; i < count; i++)
                {
                    nested[i] = ReadNestedArray(ref cursor, key, depth + 1);
                }

                return nested;
        }
    }

    private static GgufValue ReadNestedArray(ref GgufCursor cursor, string key, int depth)
    {
        var elementOffset = cursor.Position;
        var elementCode = cursor.ReadUInt32($"element type of nested array in '{key}'");
        if (!Enum.IsDefined(typeof(GgufValueType), elementCode))
        {
            throw cursor.Error($"metadata '{key}' has unknown array element type {elementCode}", elementOffset);
        }

        var elementType = (GgufValueType)elementCode;
        var count = (int)Math.Min(int.MaxValue, cursor.ReadCount($"length of nested array in '{key}'", MinimumSize(elementType)));
        return new GgufValue(GgufValueType.Array, ReadArray(ref cursor, elementType, count, key, depth), elementType);
    }

    private static T[] ReadPrimitives<T>(ref GgufCursor cursor, int count, string what)
        where T : unmanaged
    {
        var bytes = cursor.Take((long)count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>(), what);
        var values = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(bytes).ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("GGUF loading needs a little-endian CPU");
        }

        return values;
    }

    private static bool ReadBool(ref GgufCursor cursor, string what)
    {
        var offset = cursor.Position;
        return cursor.ReadUInt8(what) switch
        {
            0 => false,
            1 => true,
            var b => throw cursor.Error($"{what} is bool byte {b}; expected 0 or 1", offset),
        };
    }

    private static object ReadScalar(ref GgufCursor cursor, GgufValueType type, string key)
    {
        var what = $"value of metadata '{key}'";
        return type switch
        {
            GgufValueType.UInt8 => cursor.ReadUInt8(what),
            GgufValueType.Int8 => (sbyte)cursor.ReadUInt8(what),
            GgufValueType.UInt16 => cursor.ReadUInt16(what),
            GgufValueType.Int16 => (short)cursor.ReadUInt16(what),
            GgufValueType.UInt32 => cursor.ReadUInt32(what),
            GgufValueType.Int32 => (int)cursor.ReadUInt32(what),
            GgufValueType.Float32 => cursor.ReadFloat32(what),
            GgufValueType.Bool => ReadBool(ref cursor, what),
            GgufValueType.String => cursor.ReadString(what),
            GgufValueType.UInt64 => cursor.ReadUInt64(what),
            GgufValueType.Int64 => (long)cursor.ReadUInt64(what),
            GgufValueType.Float64 => cursor.ReadFloat64(what),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a scalar type"),
        };
    }

    private static long MinimumSize(GgufValueType type) => type switch
    {
        GgufValueType.UInt8 or GgufValueType.Int8 or GgufValueType.Bool => 1,
        GgufValueType.UInt16 or GgufValueType.Int16 => 2,
        GgufValueType.UInt32 or GgufValueType.Int32 or GgufValueType.Float32 => 4,
        GgufValueType.String or GgufValueType.UInt64 or GgufValueType.Int64 or GgufValueType.Float64 => 8,
        _ => 12, // nested array: element type + count
    };

    private static long AlignUp(long value, int alignment) => (value + alignment - 1) / alignment * alignment;

    private static string Printable(ReadOnlySpan<byte> bytes) =>
        string.Concat(bytes.ToArray().Select(b => b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}"));
}
