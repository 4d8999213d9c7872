using System.Globalization;
using System.Text.Json;
using Measure.Contracts;

namespace Measure.Imports;

/// <summary>
/// llama.cpp <c>llama-bench -o json</c> (an array) or <c>-o jsonl</c> (one object per line). Each test becomes a
/// workload ("pp512", "tg128", "pp512+tg128", "@ d512" for a prefilled context) whose samples are every repetition's
/// wall time (<c>samples_ns</c>, as ms) and tokens per second, named by phase: prompt tests measure prefill,
/// generation tests decode.
/// </summary>
public static class LlamaBenchImporter
{
    public const string Format = "llama-bench";

    public static readonly MetricDeclaration PrefillTokensPerSecond = new(
        "prefill_tokens_per_second", MetricUnits.TokensPerSecond, MetricDirection.HigherIsBetter, MetricAggregation.Median, "Prompt tokens processed per second (llama-bench pp test).");

    public static readonly MetricDeclaration DecodeTokensPerSecond = new(
        "decode_tokens_per_second", MetricUnits.TokensPerSecond, MetricDirection.HigherIsBetter, MetricAggregation.Median, "Tokens generated per second (llama-bench tg test).");

    public static readonly MetricDeclaration TokensPerSecond = new(
        "tokens_per_second", MetricUnits.TokensPerSecond, MetricDirection.HigherIsBetter, MetricAggregation.Median, "Prompt and generated tokens per second (llama-bench pg test).");

    private static readonly string[] ParameterFields =
    [
        "model_filename", "model_type", "model_size", "model_n_params", "n_batch", "n_ubatch", "n_prompt", "n_gen", "n_depth",
        "type_k", "type_v", "n_gpu_layers", "split_mode", "flash_attn", "use_mmap", "cpu_mask", "poll", "build_commit",
    ];

    /// <summary>The tests of a JSON array or JSONL text, or null when the text is neither.</summary>
    public static IReadOnlyList<JsonElement>? Tests(string text)
    {
        var trimmed = text.TrimStart();
        try
        {
            if (trimmed.StartsWith('['))
            {
                using var document = JsonDocument.Parse(text);
                var tests = document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
                return tests.Count > 0 && tests.All(IsTest) ? tests : null;
            }
            if (trimmed.StartsWith('{'))
            {
                var tests = new List<JsonElement>();
                foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    using var document = JsonDocument.Parse(line);
                    tests.Add(document.RootElement.Clone());
                }
                return tests.Count > 0 && tests.All(IsTest) ? tests : null;
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return null;
    }

    private static bool IsTest(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("samples_ns", out _) && element.TryGetProperty("n_prompt", out _);

    public static RunReport Import(ImportSource source, IReadOnlyList<JsonElement> tests, DateTimeOffset now)
    {
        var workloads = new List<WorkloadResult>();
        var times = new List<DateTimeOffset>();
        for (var i = 0; i < tests.Count; i++)
        {
            var test = tests[i];
            var nanoseconds = JsonFields.Numbers(test, "samples_ns");
            if (nanoseconds is null || nanoseconds.Count == 0 || nanoseconds.Any(ns => !(ns > 0)))
                throw new ImportException($"{source.Path}: test {i + 1} has no usable samples_ns (expected a non-empty array of positive nanoseconds)");
            var prompt = (int)(JsonFields.Number(test, "n_prompt") ?? 0);
            var generated = (int)(JsonFields.Number(test, "n_gen") ?? 0);
            var depth = (int)(JsonFields.Number(test, "n_depth") ?? 0);
            if (prompt + generated <= 0)
                throw new ImportException($"{source.Path}: test {i + 1} has n_prompt = n_gen = 0 (expected a pp or tg test)");
            var rate = generated == 0 ? PrefillTokensPerSecond : prompt == 0 ? DecodeTokensPerSecond : TokensPerSecond;
            // Recomputed from samples_ns rather than read from samples_ts, so both series describe the same repetitions.
            var tokensPerSecond = nanoseconds.Select(ns => (prompt + generated) / (ns / 1e9)).ToList();
            var parameters = ParameterFields
                .Select(f => (f, JsonFields.String(test, f)))
                .Where(p => p.Item2 is not null)
                .ToDictionary(p => p.f, p => p.Item2!, StringComparer.Ordinal);
            workloads.Add(new WorkloadResult(
                TestName(prompt, generated, depth),
                Precision(JsonFields.String(test, "model_type")),
                JsonFields.String(test, "backends") is { Length: > 0 } backend ? backend : ImportedRun.Unknown,
                Math.Max(1, (int)(JsonFields.Number(test, "n_threads") ?? 1)),
                parameters,
                [new SampleSeries(StandardMetrics.Latency.Name, nanoseconds.Select(ns => ns / 1e6).ToList()), new SampleSeries(rate.Name, tokensPerSecond)]));
            if (DateTimeOffset.TryParse(JsonFields.String(test, "test_time"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
                times.Add(time);
        }
        var started = times.Count > 0 ? times.Min() : source.ModifiedAt;
        var finished = times.Count > 0 ? times.Max() : started;
        var first = tests[0];
        return ImportedRun.Build(source, Format, started, finished, Device(first), [StandardMetrics.Latency, PrefillTokensPerSecond, DecodeTokensPerSecond, TokensPerSecond],
            workloads, now, JsonFields.String(first, "build_commit") is { } commit ? new Dictionary<string, string> { ["llama.cpp"] = commit } : null);
    }

    private static string TestName(int prompt, int generated, int depth)
    {
        var name = generated == 0 ? $"pp{prompt}" : prompt == 0 ? $"tg{generated}" : $"pp{prompt}+tg{generated}";
        return depth > 0 ? $"{name} @ d{depth}" : name;
    }

    // "llama 7B Q4_0" -> "Q4_0"; "qwen2 7B Q4_K - Medium" -> "Q4_K - Medium": the quantisation follows the size.
    private static string Precision(string? modelType)
    {
        var words = (modelType ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var size = Array.FindIndex(words, w => w.Length > 1 && char.IsDigit(w[0]) && char.ToUpperInvariant(w[^1]) is 'B' or 'M');
        return size >= 0 && size < words.Length - 1 ? string.Join(' ', words[(size + 1)..]) : ImportedRun.Unknown;
    }

    private static DeviceFingerprint? Device(JsonElement test)
    {
        var cpu = JsonFields.String(test, "cpu_info");
        if (string.IsNullOrWhiteSpace(cpu))
            return null;
        var gpu = JsonFields.String(test, "gpu_info");
        return new DeviceFingerprint(ImportedRun.Unknown, ImportedRun.Unknown, ImportedRun.Unknown, cpu.Trim(), 1, [], 0, ImportedRun.Unknown,
            $"llama.cpp {JsonFields.String(test, "build_commit") ?? ImportedRun.Unknown}", BoardModel: string.IsNullOrWhiteSpace(gpu) ? null : gpu.Trim());
    }
}
