using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Measure.Workloads.Tests.Vision.Images;

/// <summary>Builds small PNG files in tests, with a chosen filter per row so every filter is exercised.</summary>
internal static class PngWriter
{
    public static byte[] Write(int width, int height, int colorType, byte[] samples, Func<int, byte> filterOfRow, byte[]? palette = null, int interlace = 0)
    {
        int channels = colorType switch { 0 or 3 => 1, 4 => 2, 2 => 3, _ => 4 };
        int stride = width * channels;
        var filtered = new List<byte>();
        for (int y = 0; y < height; y++)
        {
            byte filter = filterOfRow(y);
            filtered.Add(filter);
            for (int i = 0; i < stride; i++)
            {
                int raw = samples[(y * stride) + i];
                int left = i >= channels ? samples[(y * stride) + i - channels] : 0;
                int up = y > 0 ? samples[((y - 1) * stride) + i] : 0;
                int upLeft = y > 0 && i >= channels ? samples[((y - 1) * stride) + i - channels] : 0;
                int predictor = filter switch { 1 => left, 2 => up, 3 => (left + up) / 2, 4 => Paeth(left, up, upLeft), _ => 0 };
                filtered.Add((byte)(raw - predictor));
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(filtered.ToArray());
        }

        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 8;
        header[9] = (byte)colorType;
        header[12] = (byte)interlace;
        using var file = new MemoryStream();
        file.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(file, "IHDR", header);
        if (palette is not null)
        {
            Chunk(file, "PLTE", palette);
        }

        var data = compressed.ToArray();
        int half = data.Length / 2; // two IDAT chunks: the decoder must concatenate them
        Chunk(file, "IDAT", data[..half]);
        Chunk(file, "IDAT", data[half..]);
        Chunk(file, "IEND", []);
        return file.ToArray();
    }

    private static void Chunk(Stream stream, string type, byte[] body)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)body.Length);
        stream.Write(word);
        var typed = Encoding.ASCII.GetBytes(type).Concat(body).ToArray();
        stream.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc(typed));
        stream.Write(word);
    }

    // Bitwise CRC-32 (independent of the decoder's table-driven one).
    private static uint Crc(byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
