using System.Text;
using Measure.Workloads.Vision.Detection;
using Measure.Workloads.Vision.Model;
using Measure.Workloads.Vision.Safetensors;

namespace Measure.Agent.Tests.Fakes;

/// <summary>Files the vision tests make on the fly: tiny-config weights in safetensors, and PPM images.</summary>
public static class VisionFixtures
{
    /// <summary>The tiny classifier's seeded weights written as an F32 safetensors file (what a real export looks like to the loader).</summary>
    public static string WriteTinyClassifierWeights(string folder, ulong seed = 7)
    {
        var path = Path.Join(folder, "tiny-classifier.safetensors");
        var weights = SeededVisionWeights.ForClassifier(new MobileNetLayout(MobileNetConfig.Tiny), seed);
        SafetensorsWriter.Write(path, weights.Tensors);
        return path;
    }

    /// <summary>The tiny detector's (SSDLite head, default classes) seeded weights as an F32 safetensors file.</summary>
    public static string WriteTinyDetectorWeights(string folder, ulong seed = 7)
    {
        var path = Path.Join(folder, "tiny-detector.safetensors");
        var layout = new SsdLiteLayout(MobileNetConfig.Tiny, new DetectorConfig());
        SafetensorsWriter.Write(path, SeededVisionWeights.Create(layout.Convolutions, seed).Tensors);
        return path;
    }

    /// <summary>A binary PPM (P6) of the given size whose pixels follow a seeded pattern.</summary>
    public static string WritePpm(string path, int width, int height, int pattern)
    {
        var header = Encoding.ASCII.GetBytes($"P6\n{width} {height}\n255\n");
        var pixels = new byte[width * height * 3];
        for (var i = 0; i < pixels.Length; i++)
            pixels[i] = (byte)(((i * (pattern + 3)) ^ (pattern * 37) ^ (i / 7)) & 0xFF);
        File.WriteAllBytes(path, [.. header, .. pixels]);
        return path;
    }
}
