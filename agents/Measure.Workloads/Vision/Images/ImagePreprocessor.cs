namespace Measure.Workloads.Vision.Images;

/// <summary>
/// Turns a decoded image into the network's input: bilinear resize to size x size (half-pixel centers,
/// edges clamped), scale to [0, 1], then per-channel (x - mean) / std, NHWC float. ImageNet statistics by default.
/// </summary>
public static class ImagePreprocessor
{
    public static IReadOnlyList<float> ImageNetMean { get; } = [0.485f, 0.456f, 0.406f];

    public static IReadOnlyList<float> ImageNetStd { get; } = [0.229f, 0.224f, 0.225f];

    public static float[] ToTensor(RgbImage image, int size, IReadOnlyList<float>? mean = null, IReadOnlyList<float>? std = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        mean ??= ImageNetMean;
        std ??= ImageNetStd;
        if (mean.Count != 3 || std.Count != 3 || std.Any(s => !(s > 0)))
        {
            throw new ArgumentException("mean and std need 3 values each, std positive", nameof(std));
        }

        var tensor = new float[size * size * 3];
        float scaleY = (float)image.Height / size;
        float scaleX = (float)image.Width / size;
        for (int y = 0; y < size; y++)
        {
            float sy = Math.Clamp(((y + 0.5f) * scaleY) - 0.5f, 0f, image.Height - 1);
            int y0 = (int)sy;
            int y1 = Math.Min(y0 + 1, image.Height - 1);
            float fy = sy - y0;
            for (int x = 0; x < size; x++)
            {
                float sx = Math.Clamp(((x + 0.5f) * scaleX) - 0.5f, 0f, image.Width - 1);
                int x0 = (int)sx;
                int x1 = Math.Min(x0 + 1, image.Width - 1);
                float fx = sx - x0;
                for (int c = 0; c < 3; c++)
                {
                    float top = image[x0, y0, c] + ((image[x1, y0, c] - image[x0, y0, c]) * fx);
                    float bottom = image[x0, y1, c] + ((image[x1, y1, c] - image[x0, y1, c]) * fx);
                    float value = (top + ((bottom - top) * fy)) / 255f;
                    tensor[(((y * size) + x) * 3) + c] = (value - mean[c]) / std[c];
                }
            }
        }

        return tensor;
    }
}
