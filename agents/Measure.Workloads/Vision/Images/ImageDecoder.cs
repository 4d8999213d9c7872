namespace Measure.Workloads.Vision.Images;

/// <summary>Reads a PPM or PNG file, chosen by its first bytes (not its extension).</summary>
public static class ImageDecoder
{
    public static RgbImage Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ImageFormatException(path, $"cannot read the file: {error.Message}");
        }

        return Decode(data, path);
    }

    public static RgbImage Decode(ReadOnlySpan<byte> data, string filePath) =>
        data.Length >= 2 && data[0] == (byte)'P' && data[1] is (byte)'6' or (byte)'3' ? PpmDecoder.Decode(data, filePath)
        : data.Length >= 1 && data[0] == 0x89 ? PngDecoder.Decode(data, filePath)
        : throw new ImageFormatException(filePath, "neither a PPM (P6/P3) nor a PNG file");
}
