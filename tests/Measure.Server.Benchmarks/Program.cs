namespace Measure.Server.Benchmarks;

/// <summary>Server benchmarks print their figures; nothing here asserts a time. See README "Benchmarks".</summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        var which = args.FirstOrDefault() ?? "all";
        var known = new Dictionary<string, Func<string[], Task>>(StringComparer.OrdinalIgnoreCase)
        {
            ["ingest"] = IngestBenchmark.RunAsync,
            ["list"] = RunListBenchmark.RunAsync,
            ["pages"] = PageRenderBenchmark.RunAsync,
        };
        if (which == "all")
        {
            foreach (var run in known.Values)
                await run(args.Skip(1).ToArray());
            return 0;
        }
        if (!known.TryGetValue(which, out var benchmark))
        {
            Console.Error.WriteLine($"unknown benchmark '{which}'; known: all, {string.Join(", ", known.Keys)}");
            return 2;
        }
        await benchmark(args.Skip(1).ToArray());
        return 0;
    }
}
