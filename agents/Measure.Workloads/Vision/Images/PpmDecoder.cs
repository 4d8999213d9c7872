using System.Text;

namespace Measure.Workloads.Vision.Images;

/// <summary>Netpbm colour images: P6 (binary) and P3 (ASCII), maxval up to 65535 (scaled to 8 bits), '#' comments.</summary>
public static class PpmDecoder
{
    public static RgbImage Decode(ReadOnlySpan<byte> data, string filePath)
    {
        int position = 0;
        string magic = Token(data, ref position, filePath, "magic number");
        if (magic is not ("P6" or "P3"))
        {
            throw new ImageFormatException(filePath, $"not a PPM colour image (magic '{magic}', expected P6 or P3)");
        }

        int width = Number(data, ref position, filePath, "width");
        int height = Number(data, ref position, filePath, "height");
        int maxValue = Number(data, ref position, filePath, "maxval");
        if (width < 1 || height < 1 || (long)width * height > 1L << 28)
        {
            throw new ImageFormatException(filePath, $"implausible size {width} x {height}");
        }

        if (maxValue is < 1 or > 65535)
        {
            throw new ImageFormatException(filePath, $"maxval {maxValue} is outside 1..65535");
        }

        var pixels = new byte[width * height * 3];
        if (magic == "P3")
        {
            for (int i = 0; i < pixels.Length; i++)
            {
                pixels[i] = Scale(Number(data, ref position, filePath, $"sample {i}"), maxValue, filePath);
            }

            return new RgbImage(width, height, pixels);
        }

        position++; // exactly one whitespace byte separates the header from binary samples
        int bytesPerSample = maxValue < 256 ? 1 : 2;
        long needed = (long)pixels.Length * bytesPerSample;
        if (data.Length - position < needed)
        {
            throw new ImageFormatException(filePath, $"truncated: {width} x {height} pixels need {needed} sample bytes but {Math.Max(0, data.Length - position)} remain");
        }

        for (int i = 0; i < pixels.Length; i++)
        {
            int value = bytesPerSample == 1 ? data[position + i] : (data[position + (2 * i)] << 8) | data[position + (2 * i) + 1];
            pixels[i] = Scale(value, maxValue, filePath);
        }

        return new RgbImage(width, height, pixels);
    }

    private static byte Scale(int value, int maxValue, string filePath)
    {
        if (value > maxValue)
        {
            throw new ImageFormatException(filePath, $"sample {value} exceeds maxval {maxValue}");
        }

        return maxValue == 255 ? (byte)value : (byte)(((value * 255) + (maxValue / 2)) / maxValue);
    }

    private static int Number(ReadOnlySpan<byte> data, ref int position, string filePath, string what)
    {
        string token = Token(data, ref position, filePath, what);
        return int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new ImageFormatException(filePath, $"{what} '{token}' is not a non-negative integer");
    }

    // Skips whitespace and '#' comments, then reads one whitespace-delimited token.
    private static string Token(ReadOnlySpan<byte> data, ref int position, string filePath, string what)
    {
        while (position < data.Length)
        {
            if (data[position] == (byte)'#')
            {
                while (position < data.Length && data[position] != (byte)'\n')
                {
                    position++;
                }
            }
            else if (IsSpace(data[position]))
            {
                position++;
            }
            else
            {
                break;
            }
        }

        int start = position;
        while (position < data.Length && !IsSpace(data[position]) && position - start < 16)
        {
            position++;
        }

        if (position == start)
        {
            throw new ImageFormatException(filePath, $"truncated: the file ended before the {what}");
        }

        return Encoding.ASCII.GetString(data[start..position]);
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C;
}
