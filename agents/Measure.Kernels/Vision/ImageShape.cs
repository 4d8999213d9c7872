namespace Measure.Kernels.Vision;

/// <summary>One image in NHWC (channels-last) layout: element (h, w, c) at ((h * Width) + w) * Channels + c.
/// Channels-last makes a 1x1 convolution exactly a GEMM over pixels.</summary>
/// <param name="Height">Rows of pixels.</param>
/// <param name="Width">Columns of pixels.</param>
/// <param name="Channels">Values per pixel.</param>
public readonly record struct ImageShape(int Height, int Width, int Channels)
{
    /// <summary>Pixels (Height x Width).</summary>
    public int Pixels => Height * Width;

    /// <summary>Elements (Height x Width x Channels).</summary>
    public int Length => Height * Width * Channels;

    /// <summary>Output shape of a 3x3 window with padding 1 and the given stride.</summary>
    public ImageShape Conv3x3Output(int stride, int outChannels) =>
        new(((Height - 1) / stride) + 1, ((Width - 1) / stride) + 1, outChannels);

    internal void Validate(int length, string parameter)
    {
        if (Height < 0 || Width < 0 || Channels < 0)
        {
            throw new ArgumentException($"image shape {this} has a negative dimension", parameter);
        }

        if (length != (long)Height * Width * Channels)
        {
            throw new ArgumentException(
                $"{parameter} has {length} elements but the image is {Height} x {Width} x {Channels} = {(long)Height * Width * Channels}", parameter);
        }
    }
}
