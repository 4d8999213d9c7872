using System.Diagnostics;
using System.Globalization;
using Measure.Tests.Shared;

namespace Measure.Server.Benchmarks;

/// <summary>
/// The run list API with many runs stored (default 100,000): first page, a deep page and a label filter,
/// each requested many times; prints p50/p95/p99. Target: p95 under 50 ms with 100,000 runs.
/// </summary>
internal static class RunListBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        await using var server = RunningServer.Start(new Dictionary<string, string?> { ["Server:RequestsPerSecondPerToken"] = "0", ["Logging:LogLevel:Default"] = "Warning" });
        await BulkSeeder.SeedAsync(server, runs);
        using var http = server.Client();
        foreach (var (name, path) in new[]
        {
            ("first page", "api/v1/runs?limit=50"),
            ("label filter", "api/v1/runs?limit=50&label=branch:main"),
            ("device filter", "api/v1/runs?limit=50&device=device-03"),
            ("page 20", "api/v1/runs?limit=50&cursor=" + Uri.EscapeDataString(Convert.ToBase64String("o:1000"u8.ToArray()))),
        })
        {
            for (var i = 0; i < 10; i++)
                (await http.GetAsync(path)).EnsureSuccessStatusCode();
            var latencies = new List<double>();
            for (var i = 0; i < 200; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(path);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            Console.WriteLine($"run list, {runs} runs, {name}: {LatencyStats.Describe(latencies)}; target p95 < 50 ms");
        }
    }
}
