using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Measure.Workloads.Vision.Model;

namespace Measure.Workloads.Vision.Safetensors;

/// <summary>
/// Writes tensors as a safetensors file (F32 or F16, little-endian, in the given order), e.g. to export
/// a seeded model so another framework can load the exact same weights, or to build test files.
/// </summary>
public static class SafetensorsWriter
{
    public static void Write(string path, IEnumerable<VisionTensor> tensors, SafetensorsDtype dtype = SafetensorsDtype.F32, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(tensors);
        var list = tensors.ToList();
        int elementSize = dtype == SafetensorsDtype.F32 ? 4 : 2;
        var header = BuildHeader(list, dtype, elementSize, metadata);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        stream.Write(length);
        stream.Write(header);
        var buffer = new byte[elementSize * 4096];
        foreach (var tensor in list)
        {
            for (int start = 0; start < tensor.Values.Length; start += 4096)
            {
                int count = Math.Min(4096, tensor.Values.Length - start);
                for (int i = 0; i < count; i++)
                {
                    float value = tensor.Values[start + i];
                    if (dtype == SafetensorsDtype.F32)
                    {
                        BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(4 * i), value);
                    }
                    else
                    {
                        BinaryPrimitives.WriteHalfLittleEndian(buffer.AsSpan(2 * i), (Half)value);
                    }
                }

                stream.Write(buffer, 0, count * elementSize);
            }
        }
    }

    // The header is padded with spaces to a multiple of 8 bytes so the data section stays aligned.
    private static byte[] BuildHeader(List<VisionTensor> tensors, SafetensorsDtype dtype, int elementSize, IReadOnlyDictionary<string, string>? metadata)
    {
        using var memory = new MemoryStream();
        using (var json = new Utf8JsonWriter(memory))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject("__metadata__");
                foreach (var (key, value) in metadata)
                {
                    json.WriteString(key, value);
                }

                json.WriteEndObject();
            }

            long offset = 0;
            foreach (var tensor in tensors)
            {
                if (VisionTensor.Elements(tensor.Shape) != tensor.Values.Length)
                {
                    throw new ArgumentException($"tensor '{tensor.Name}' has {tensor.Values.Length} values but shape {tensor.ShapeText}", nameof(tensors));
                }

                long bytes = (long)tensor.Values.Length * elementSize;
                json.WriteStartObject(tensor.Name);
                json.WriteString("dtype", dtype.ToString());
                json.WriteStartArray("shape");
                foreach (int dimension in tensor.Shape)
                {
                    json.WriteNumberValue(dimension);
                }

                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset + bytes);
                json.WriteEndArray();
                json.WriteEndObject();
                offset += bytes;
            }

            json.WriteEndObject();
        }

        int padding = (int)((8 - (memory.Length % 8)) % 8);
        memory.Write(Encoding.ASCII.GetBytes(new string(' ', padding)));
        return memory.ToArray();
    }
}
