using System.Runtime.InteropServices;
using System.Text.Json;
using Measure.Workloads.Gguf;
using Measure.Workloads.Vision.Model;
using Microsoft.Win32.SafeHandles;

namespace Measure.Workloads.Vision.Safetensors;

/// <summary>
/// Reads safetensors files: an 8-byte little-endian header length, a JSON header mapping each tensor
/// name to {dtype, shape, data_offsets [begin, end)} relative to the data section, then the raw
/// little-endian data. Each tensor is read once, straight into its FP32 array (F16 widened). Every
/// problem is a <see cref="ModelFormatException"/> naming the file, and the tensor and offset when known.
/// </summary>
public static class SafetensorsReader
{
    // Real headers are kilobytes; a huge length means a corrupt or foreign file, not a reason to allocate.
    private const long MaxHeaderBytes = 100L << 20;

    /// <summary>Parses and checks the header against the file's size without reading any tensor data.</summary>
    public static IReadOnlyList<SafetensorsEntry> ReadHeader(string path)
    {
        using var handle = Open(path);
        return ReadHeader(path, handle, out _);
    }

    /// <summary>Every tensor of the file as FP32 master weights.</summary>
    public static VisionWeights Load(string path)
    {
        using var handle = Open(path);
        var entries = ReadHeader(path, handle, out _);
        var tensors = new List<VisionTensor>(entries.Count);
        foreach (var entry in entries)
        {
            var values = new float[VisionTensor.Elements(entry.Shape)];
            if (entry.Dtype == SafetensorsDtype.F32)
            {
                ReadExactly(path, handle, entry, MemoryMarshal.AsBytes(values.AsSpan()));
                if (!BitConverter.IsLittleEndian)
                {
                    var bits = MemoryMarshal.Cast<float, int>(values.AsSpan());
                    for (int i = 0; i < bits.Length; i++)
                    {
                        bits[i] = System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(bits[i]);
                    }
                }
            }
            else
            {
                var raw = new byte[entry.ByteLength];
                ReadExactly(path, handle, entry, raw);
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = (float)BitConverter.UInt16BitsToHalf(System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(raw.AsSpan(2 * i)));
                }
            }

            tensors.Add(new VisionTensor(entry.Name, entry.Shape, values, entry.FileOffset));
        }

        return new VisionWeights(tensors, path);
    }

    private static SafeFileHandle Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ModelFormatException(path, $"cannot open the file: {error.Message}", error);
        }
    }

    private static List<SafetensorsEntry> ReadHeader(string path, SafeFileHandle handle, out long dataStart)
    {
        long fileLength = RandomAccess.GetLength(handle);
        if (fileLength < 8)
        {
            throw new ModelFormatException(path, $"the file is {fileLength} bytes, too short for the 8-byte header length", 0);
        }

        Span<byte> prefix = stackalloc byte[8];
        RandomAccess.Read(handle, prefix, 0);
        ulong headerLength = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (headerLength > MaxHeaderBytes || (long)headerLength > fileLength - 8)
        {
            throw new ModelFormatException(path, $"header length {headerLength} runs past the end of the file ({fileLength} bytes) or is implausibly large", 0);
        }

        var header = new byte[headerLength];
        RandomAccess.Read(handle, header, 8);
        dataStart = 8 + (long)headerLength;
        return ParseHeader(path, header, dataStart, fileLength - dataStart);
    }

    private static List<SafetensorsEntry> ParseHeader(string path, byte[] header, long dataStart, long dataLength)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header);
        }
        catch (JsonException error)
        {
            throw new ModelFormatException(path, $"the header is not valid JSON ({error.Message})", 8);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ModelFormatException(path, $"the header is a JSON {document.RootElement.ValueKind}, not an object of tensors", 8);
            }

            var entries = new List<SafetensorsEntry>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "__metadata__")
                {
                    continue;
                }

                entries.Add(ParseEntry(path, property.Name, property.Value, dataStart, dataLength));
            }

            return entries;
        }
    }

    private static SafetensorsEntry ParseEntry(string path, string name, JsonElement value, long dataStart, long dataLength)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new ModelFormatException(path, "header entry is not an object", 8, name);
        }

        var dtypeText = Property(path, name, value, "dtype", JsonValueKind.String).GetString();
        var dtype = dtypeText switch
        {
            "F32" => SafetensorsDtype.F32,
            "F16" => SafetensorsDtype.F16,
            _ => throw new ModelFormatException(path, $"unsupported tensor type {dtypeText} (this loader reads F32 and F16)", 8, name),
        };
        var shape = Property(path, name, value, "shape", JsonValueKind.Array).EnumerateArray()
            .Select(d => d.ValueKind == JsonValueKind.Number && d.TryGetInt32(out int n) && n >= 0
                ? n
                : throw new ModelFormatException(path, $"shape holds {d.GetRawText()}, not a non-negative 32-bit integer", 8, name))
            .ToArray();
        var offsets = Property(path, name, value, "data_offsets", JsonValueKind.Array).EnumerateArray()
            .Select(d => d.ValueKind == JsonValueKind.Number && d.TryGetInt64(out long n) && n >= 0
                ? n
                : throw new ModelFormatException(path, $"data_offsets holds {d.GetRawText()}, not a non-negative integer", 8, name))
            .ToArray();
        if (offsets.Length != 2)
        {
            throw new ModelFormatException(path, $"data_offsets has {offsets.Length} values instead of [begin, end]", 8, name);
        }

        long begin = offsets[0];
        long end = offsets[1];
        if (end < begin || end > dataLength)
        {
            throw new ModelFormatException(
                path, $"data_offsets [{begin}, {end}] do not lie inside the {dataLength}-byte data section", dataStart + Math.Min(begin, dataLength), name);
        }

        long elements = 1;
        foreach (int dimension in shape)
        {
            elements = checked(elements * dimension);
        }

        long expected = elements * (dtype == SafetensorsDtype.F32 ? 4 : 2);
        if (end - begin != expected || expected > Array.MaxLength)
        {
            throw new ModelFormatException(
                path, $"holds {end - begin} bytes but shape [{string.Join(", ", shape)}] of {dtypeText} needs {expected}", dataStart + begin, name);
        }

        return new SafetensorsEntry(name, dtype, shape, dataStart + begin, end - begin);
    }

    private static JsonElement Property(string path, string name, JsonElement entry, string key, JsonValueKind kind)
    {
        if (!entry.TryGetProperty(key, out var value) || value.ValueKind != kind)
        {
            throw new ModelFormatException(path, $"header entry needs \"{key}\" as a JSON {kind.ToString().ToLowerInvariant()}", 8, name);
        }

        return value;
    }

    private static void ReadExactly(string path, SafeFileHandle handle, SafetensorsEntry entry, Span<byte> target)
    {
        int total = 0;
        while (total < target.Length)
        {
            int read = RandomAccess.Read(handle, target[total..], entry.FileOffset + total);
            if (read == 0)
            {
                throw new ModelFormatException(path, "the file ended inside the tensor's data", entry.FileOffset + total, entry.Name);
            }

            total += read;
        }
    }
}
