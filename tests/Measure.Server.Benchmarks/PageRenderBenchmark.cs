using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Measure.Contracts;
using Measure.Tests.Shared;

namespace Measure.Server.Benchmarks;

/// <summary>
/// Server render time of every dashboard view with many runs stored (default 100,000): each page is fetched
/// over HTTP (the full static-SSR render, database reads included) many times; prints p50/p95. Target: under 300 ms.
/// </summary>
internal static class PageRenderBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var repeats = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40;
        await using var server = RunningServer.Start(new Dictionary<string, string?> { ["Server:RequestsPerSecondPerToken"] = "0", ["Logging:LogLevel:Default"] = "Warning" });
        await BulkSeeder.SeedAsync(server, runs);
        using var http = server.Client();
        var newest = (await http.GetFromJsonAsync("api/v1/runs?limit=2", MeasureJson.Context.PageRunSummary))!.Items;
        var device = newest[0].DeviceName;
        foreach (var (name, path) in new[]
        {
            ("runs list", ""),
            ("leaderboard", "dashboards/leaderboard"),
            ("leaderboard sorted+filtered", $"dashboards/leaderboard?device={Uri.EscapeDataString(device)}&sort=token_latency_p90&desc=1"),
            ("pareto", "dashboards/pareto"),
            ("roofline", "dashboards/roofline"),
            ("trends (one device)", $"trends?metric=latency&device={Uri.EscapeDataString(device)}"),
            ("trends (all devices)", "trends?metric=latency"),
            ("run", $"runs/{newest[0].RunId}"),
            ("compare", $"compare?run={newest[1].RunId}&run={newest[0].RunId}"),
            ("fleet", "fleet"),
        })
        {
            for (var i = 0; i < 3; i++)
                (await http.GetAsync(path)).EnsureSuccessStatusCode();
            var latencies = new List<double>();
            long bytes = 0;
            for (var i = 0; i < repeats; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(path);
                response.EnsureSuccessStatusCode();
                bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"page render, {runs} runs, {name}: {LatencyStats.Describe(latencies)}; {bytes / 1024.0:0} KiB; target p95 < 300 ms"));
        }
    }
}
