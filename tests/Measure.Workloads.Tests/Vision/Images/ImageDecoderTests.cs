using System.Text;
using Measure.Workloads.Vision.Images;

namespace Measure.Workloads.Tests.Vision.Images;

public sealed class ImageDecoderTests
{
    private static byte[] Samples(int count) => Enumerable.Range(0, count).Select(i => (byte)((i * 37) + (i / 7 * 11))).ToArray();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Png_RgbWithEachFilter_DecodesExactly(int filter)
    {
        var samples = Samples(5 * 4 * 3);

        var image = PngDecoder.Decode(PngWriter.Write(5, 4, 2, samples, _ => (byte)filter), "a.png");

        Assert.Equal(5, image.Width);
        Assert.Equal(samples, image.Pixels);
    }

    [Fact]
    public void Png_RgbaWithMixedFilters_DropsAlpha()
    {
        var samples = Samples(3 * 5 * 4);

        var image = PngDecoder.Decode(PngWriter.Write(3, 5, 6, samples, y => (byte)(y % 5)), "a.png");

        Assert.Equal(samples.Where((_, i) => i % 4 != 3), image.Pixels);
    }

    [Fact]
    public void Png_GreyAndPalette_ExpandToRgb()
    {
        var grey = PngDecoder.Decode(PngWriter.Write(2, 1, 0, [10, 200], _ => 4), "g.png");
        var indexed = PngDecoder.Decode(PngWriter.Write(2, 1, 3, [1, 0], _ => 1, palette: [1, 2, 3, 4, 5, 6]), "p.png");

        Assert.Equal([10, 10, 10, 200, 200, 200], grey.Pixels);
        Assert.Equal([4, 5, 6, 1, 2, 3], indexed.Pixels);
    }

    [Fact]
    public void Png_Interlaced_ThrowsNamingTheFile()
    {
        var error = Assert.Throws<ImageFormatException>(() => PngDecoder.Decode(PngWriter.Write(2, 2, 2, Samples(12), _ => 0, interlace: 1), "x.png"));

        Assert.Equal("x.png", error.FilePath);
        Assert.Contains("interlaced", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Png_EveryTruncationAndBitFlip_ThrowsImageFormatException()
    {
        var file = PngWriter.Write(4, 3, 2, Samples(36), y => (byte)y);
        for (int length = 0; length < file.Length; length++)
        {
            Assert.Throws<ImageFormatException>(() => ImageDecoder.Decode(file.AsSpan(0, length), "cut.png"));
        }

        for (int i = 8; i < file.Length; i++)
        {
            var flipped = (byte[])file.Clone();
            flipped[i] ^= 0x10;
            // A flipped byte is caught by a CRC, a length check or the inflater: never a crash.
            Assert.Throws<ImageFormatException>(() => ImageDecoder.Decode(flipped, "flip.png"));
        }
    }

    [Fact]
    public void Ppm_BinaryAndAscii_DecodeTheSamePixels()
    {
        var binary = Encoding.ASCII.GetBytes("P6\n# comment\n2 1\n255\n").Concat(new byte[] { 1, 2, 3, 250, 251, 252 }).ToArray();
        var ascii = Encoding.ASCII.GetBytes("P3 2 1 255\n1 2 3\n250 251 252\n");

        Assert.Equal([1, 2, 3, 250, 251, 252], ImageDecoder.Decode(binary, "b.ppm").Pixels);
        Assert.Equal([1, 2, 3, 250, 251, 252], ImageDecoder.Decode(ascii, "a.ppm").Pixels);
    }

    [Fact]
    public void Ppm_MaxValNot255_ScalesTo8Bits() =>
        Assert.Equal([0, 136, 255], ImageDecoder.Decode(Encoding.ASCII.GetBytes("P3 1 1 15\n0 8 15\n"), "s.ppm").Pixels);

    [Theory]
    [InlineData("P6\n2 2\n255\n\u0001\u0002", "truncated")]
    [InlineData("P3 2 1 255\n1 2 3\n", "truncated")]
    [InlineData("P3 1 1 255\n1 2 300\n", "exceeds maxval")]
    [InlineData("P3 x 1 255\n", "width 'x'")]
    [InlineData("GIF89a", "neither a PPM")]
    public void Decode_BadFile_ThrowsNamingFileAndProblem(string content, string problem)
    {
        var error = Assert.Throws<ImageFormatException>(() => ImageDecoder.Decode(Encoding.Latin1.GetBytes(content), "bad.ppm"));

        Assert.StartsWith("bad.ppm: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Preprocessor_UniformImage_NormalizesEveryPixelAlike()
    {
        var image = new RgbImage(3, 2, Enumerable.Repeat((byte)255, 18).ToArray());

        var tensor = ImagePreprocessor.ToTensor(image, 4);

        Assert.Equal(48, tensor.Length);
        Assert.All(tensor.Chunk(3), p => Assert.Equal((1f - 0.485f) / 0.229f, p[0], 5));
    }

    [Fact]
    public void Preprocessor_Downscale2x_AveragesNeighbours()
    {
        // A 2x1 image of 0 and 255 shrunk to 1x1 samples between them: (0 + 255) / 2.
        var image = new RgbImage(2, 1, [0, 0, 0, 255, 255, 255]);

        var tensor = ImagePreprocessor.ToTensor(image, 1, [0f, 0f, 0f], [1f, 1f, 1f]);

        Assert.Equal(0.5f, tensor[0], 5);
    }
}
