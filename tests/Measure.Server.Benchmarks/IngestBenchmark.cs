using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Measure.Contracts;
using Measure.Tests.Shared;

namespace Measure.Server.Benchmarks;

/// <summary>
/// Uploads reports of 10,000 samples each from concurrent clients to a real server on SQLite (loopback
/// Kestrel) for a fixed time and prints reports/s. Target: 200 reports/s on a 2-core machine.
/// Bodies are serialized before the clock starts, so only the server's work is measured.
/// </summary>
internal static class IngestBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 15;
        const int clients = 16;
        const int samples = 10_000;
        await using var server = RunningServer.Start(new Dictionary<string, string?> { ["Server:RequestsPerSecondPerToken"] = "0", ["Logging:LogLevel:Default"] = "Warning" });
        var random = new Random(7);
        var template = SampleReports.WithLatencies(Enumerable.Range(0, samples).Select(_ => 1 + random.NextDouble()).ToArray());
        var bodies = DistinctBodies(template, count: (int)Math.Ceiling(seconds * 600));
        Console.WriteLine($"ingest: {clients} clients, reports of {samples} samples ({bodies[0].Length / 1024} KiB), {seconds} s, SQLite at {server.DataDirectory}");

        var next = -1;
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var gcBefore = (Gen0: GC.CollectionCount(0), Gen1: GC.CollectionCount(1), Gen2: GC.CollectionCount(2), Paused: GC.GetTotalPauseDuration());
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            using var http = server.Client(server.AdminToken);
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= bodies.Length)
                    return;
                using var content = new ByteArrayContent(bodies[index]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsync("api/v1/runs", content);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.Created)
                    Interlocked.Increment(ref failures);
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var stored = latencies.Count - failures;
        var paused = (GC.GetTotalPauseDuration() - gcBefore.Paused).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest: {stored} reports stored in {elapsed:0.0} s = {stored / elapsed:0} reports/s ({stored * (double)samples / elapsed / 1e6:0.00} M samples/s), {failures} failed; latency {LatencyStats.Describe(latencies)}; target >= 200 reports/s"));
        // Wall-clock rates depend on what else the machine runs; CPU per report does not (much), so print the
        // rate this process would reach with every core to itself (clients included, so it is a lower bound).
        var cpuMsPerReport = cpuSeconds * 1000 / Math.Max(1, stored);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest: {cpuMsPerReport:0.0} ms of CPU per report (server and clients) = {Environment.ProcessorCount * 1000 / cpuMsPerReport:0} reports/s if this process had all {Environment.ProcessorCount} cores; it got {cpuSeconds / elapsed / Environment.ProcessorCount:P0} of them"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest: garbage collections gen0 {GC.CollectionCount(0) - gcBefore.Gen0}, gen1 {GC.CollectionCount(1) - gcBefore.Gen1}, gen2 {GC.CollectionCount(2) - gcBefore.Gen2}; paused {paused:0.00} s ({paused / elapsed:P0} of the time)"));
    }

    /// <summary>
    /// The template serialized once, then copied with a new run id written over the old one: the same bytes a
    /// serializer would produce, in a fraction of the time and memory of serializing thousands of reports.
    /// </summary>
    private static byte[][] DistinctBodies(RunReport template, int count)
    {
        var body = Encoding.UTF8.GetBytes(MeasureJson.Serialize(template));
        var id = Encoding.UTF8.GetBytes(template.RunId.ToString("D"));
        var at = body.AsSpan().IndexOf(id);
        if (at < 0 || body.AsSpan(at + id.Length).IndexOf(id) >= 0)
            throw new InvalidOperationException("The template's run id must occur exactly once in its JSON.");
        return Enumerable.Range(0, count).Select(_ =>
        {
            var copy = body.ToArray();
            Encoding.UTF8.GetBytes(Guid.NewGuid().ToString("D"), copy.AsSpan(at, id.Length));
            return copy;
        }).ToArray();
    }
}
