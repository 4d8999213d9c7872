using Measure.Workloads.Llm.Presets;

namespace Measure.Agent.Running.Llm;

/// <summary>
/// Deterministic token prompts for scoring a precision against FP32: the same on every device, for
/// presets (which have no vocabulary text) and real models alike. Each prompt has its own seed.
/// </summary>
public static class AccuracyPrompts
{
    public static IReadOnlyList<IReadOnlyList<int>> Seeded(int count, int length, int vocabularySize, int? bos, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabularySize, 1);
        var prompts = new List<IReadOnlyList<int>>(count);
        for (var p = 0; p < count; p++)
        {
            var random = new SeededRandom(SeededRandom.Mix(seed ^ (0xACC0_0000UL + (ulong)p)));
            var tokens = Enumerable.Range(0, length).Select(_ => (int)(random.NextUInt64() % (ulong)vocabularySize)).ToArray();
            if (bos is { } b)
                tokens[0] = b;
            prompts.Add(tokens);
        }
        return prompts;
    }
}
