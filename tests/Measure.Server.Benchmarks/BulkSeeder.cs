using System.Diagnostics;
using Measure.Contracts;
using Measure.Storage;
using Measure.Tests.Shared;

namespace Measure.Server.Benchmarks;

/// <summary>
/// Fills a database with many realistic runs through the real store's batch import (so every row, label and
/// summary is exactly what ingest writes), a transaction per batch.
/// </summary>
internal static class BulkSeeder
{
    public static async Task SeedAsync(RunningServer server, int runs, int batchSize = 500)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(11);
        var devices = Enumerable.Range(0, 12).Select(i => SampleReports.Valid().Device with { Hostname = $"device-{i:00}", CpuModel = i % 3 == 0 ? "Cortex-A76" : "AMD EPYC" }).ToArray();
        var start = DateTimeOffset.UtcNow.AddDays(-400);
        for (var done = 0; done < runs; done += batchSize)
        {
            await server.WithDbAsync(async db =>
            {
                var batch = new List<RunReport>(batchSize);
                for (var i = done; i < Math.Min(runs, done + batchSize); i++)
                {
                    var at = start.AddMinutes(i * 5);
                    var report = SampleReports.WithLatencies(Enumerable.Range(0, 20).Select(_ => 1 + random.NextDouble() * 0.1).ToArray()) with
                    {
                        StartedAt = at,
                        FinishedAt = at.AddMinutes(1),
                        Device = devices[i % devices.Length],
                        Labels = new Dictionary<string, string> { ["branch"] = i % 10 == 0 ? "main" : $"feature-{i % 7}" },
                    };
                    batch.Add(report);
                }
                return await new RunStore(db).AddBatchAsync(batch, DateTimeOffset.UtcNow);
            });
            if ((done / batchSize) % 20 == 0)
                Console.WriteLine($"seed: {Math.Min(runs, done + batchSize)} runs ({clock.Elapsed.TotalSeconds:0} s)");
        }
    }
}
