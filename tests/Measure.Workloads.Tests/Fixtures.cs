using Measure.Tests.Shared;

namespace Measure.Workloads.Tests;

/// <summary>The tiny GGUF files written by llama.cpp's tools in ../shared/fixtures/gguf.</summary>
internal static class Fixtures
{
    public static string TinyF32 => RepoPaths.GgufFixture("tiny-f32.gguf");

    public static string TinyF16 => RepoPaths.GgufFixture("tiny-f16.gguf");

    public static string TinyQ8 => RepoPaths.GgufFixture("tiny-q8_0.gguf");
}
