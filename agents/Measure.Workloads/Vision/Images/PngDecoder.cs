using System.Buffers.Binary;
using System.IO.Compression;

namespace Measure.Workloads.Vision.Images;

/// <summary>
/// Non-interlaced 8-bit PNG: greyscale, RGB, palette, grey+alpha and RGBA (alpha is dropped: photos are
/// classified as stored). Chunk CRCs are checked, IDAT data inflated with <see cref="ZLibStream"/> and
/// all five scanline filters undone.
/// </summary>
public static class PngDecoder
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static RgbImage Decode(ReadOnlySpan<byte> data, string filePath)
    {
        if (!data.StartsWith(Signature))
        {
            throw new ImageFormatException(filePath, "not a PNG file (bad signature)");
        }

        int position = Signature.Length;
        Header? header = null;
        byte[]? palette = null;
        using var compressed = new MemoryStream();
        bool ended = false;
        while (!ended)
        {
            if (data.Length - position < 12)
            {
                throw new ImageFormatException(filePath, $"truncated: no complete chunk at offset {position} (missing IEND)");
            }

            uint length = BinaryPrimitives.ReadUInt32BigEndian(data[position..]);
            string type = System.Text.Encoding.ASCII.GetString(data.Slice(position + 4, 4));
            if (length > int.MaxValue || data.Length - position - 12 < length)
            {
                throw new ImageFormatException(filePath, $"truncated: chunk {type} at offset {position} claims {length} bytes");
            }

            var body = data.Slice(position + 8, (int)length);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(data[(position + 8 + (int)length)..]);
            if (Crc32.Compute(data.Slice(position + 4, 4 + (int)length)) != crc)
            {
                throw new ImageFormatException(filePath, $"chunk {type} at offset {position} fails its CRC (corrupt file)");
            }

            switch (type)
            {
                case "IHDR":
                    header = ParseHeader(body, filePath);
                    break;
                case "PLTE":
                    palette = body.ToArray();
                    break;
                case "IDAT":
                    compressed.Write(body);
                    break;
                case "IEND":
                    ended = true;
                    break;
            }

            if (header is null)
            {
                throw new ImageFormatException(filePath, "the first chunk is not IHDR");
            }

            position += 12 + (int)length;
        }

        var h = header!;
        if (h.ColorType == 3 && (palette is null || palette.Length % 3 != 0))
        {
            throw new ImageFormatException(filePath, "palette image without a valid PLTE chunk");
        }

        var raw = Inflate(compressed, h, filePath);
        Unfilter(raw, h, filePath);
        return ToRgb(raw, h, palette, filePath);
    }

    private sealed record Header(int Width, int Height, int ColorType, int Channels)
    {
        public int Stride => Width * Channels;
    }

    private static Header ParseHeader(ReadOnlySpan<byte> body, string filePath)
    {
        if (body.Length != 13)
        {
            throw new ImageFormatException(filePath, $"IHDR has {body.Length} bytes instead of 13");
        }

        int width = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(body), int.MaxValue);
        int height = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(body[4..]), int.MaxValue);
        int bitDepth = body[8];
        int colorType = body[9];
        if (width < 1 || height < 1 || (long)width * height > 1L << 28)
        {
            throw new ImageFormatException(filePath, $"implausible size {width} x {height}");
        }

        int channels = colorType switch
        {
            0 => 1,
            2 => 3,
            3 => 1,
            4 => 2,
            6 => 4,
            _ => throw new ImageFormatException(filePath, $"unknown PNG colour type {colorType}"),
        };
        if (bitDepth != 8)
        {
            throw new ImageFormatException(filePath, $"unsupported bit depth {bitDepth} (this decoder reads 8-bit PNGs)");
        }

        if (body[10] != 0 || body[11] != 0)
        {
            throw new ImageFormatException(filePath, $"unknown compression ({body[10]}) or filter method ({body[11]})");
        }

        if (body[12] != 0)
        {
            throw new ImageFormatException(filePath, "interlaced (Adam7) PNGs are not supported");
        }

        return new Header(width, height, colorType, channels);
    }

    private static byte[] Inflate(MemoryStream compressed, Header header, string filePath)
    {
        long expected = (long)header.Height * (header.Stride + 1);
        var raw = new byte[expected];
        compressed.Position = 0;
        try
        {
            using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
            int total = 0;
            while (total < raw.Length)
            {
                int read = zlib.Read(raw, total, raw.Length - total);
                if (read == 0)
                {
                    throw new ImageFormatException(filePath, $"truncated image data: {total} of {expected} bytes after inflating");
                }

                total += read;
            }
        }
        catch (InvalidDataException error)
        {
            throw new ImageFormatException(filePath, $"corrupt compressed image data ({error.Message})");
        }

        return raw;
    }

    // Undoes the per-scanline filters in place; each row keeps its leading filter byte.
    private static void Unfilter(byte[] raw, Header header, string filePath)
    {
        int stride = header.Stride;
        int bpp = header.Channels;
        for (int y = 0; y < header.Height; y++)
        {
            int row = y * (stride + 1);
            int previous = row - (stride + 1);
            byte filter = raw[row];
            for (int i = 1; i <= stride; i++)
            {
                int left = i > bpp ? raw[row + i - bpp] : 0;
                int up = y > 0 ? raw[previous + i] : 0;
                int upLeft = y > 0 && i > bpp ? raw[previous + i - bpp] : 0;
                int predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new ImageFormatException(filePath, $"row {y} has unknown filter type {filter}"),
                };
                raw[row + i] = (byte)(raw[row + i] + predictor);
            }
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a);
        int pb = Math.Abs(p - b);
        int pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static RgbImage ToRgb(byte[] raw, Header header, byte[]? palette, string filePath)
    {
        var pixels = new byte[header.Width * header.Height * 3];
        for (int y = 0; y < header.Height; y++)
        {
            int row = (y * (header.Stride + 1)) + 1;
            for (int x = 0; x < header.Width; x++)
            {
                int source = row + (x * header.Channels);
                int target = ((y * header.Width) + x) * 3;
                switch (header.ColorType)
                {
                    case 0 or 4:
                        pixels[target] = pixels[target + 1] = pixels[target + 2] = raw[source];
                        break;
                    case 3:
                        int index = raw[source] * 3;
                        if (index + 2 >= palette!.Length)
                        {
                            throw new ImageFormatException(filePath, $"pixel ({x}, {y}) uses palette entry {raw[source]} beyond the {palette.Length / 3}-entry PLTE");
                        }

                        palette.AsSpan(index, 3).CopyTo(pixels.AsSpan(target, 3));
                        break;
                    default:
                        raw.AsSpan(source, 3).CopyTo(pixels.AsSpan(target, 3));
                        break;
                }
            }
        }

        return new RgbImage(header.Width, header.Height, pixels);
    }
}
