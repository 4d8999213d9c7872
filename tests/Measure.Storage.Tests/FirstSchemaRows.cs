using System.Text.Json;
using Measure.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Measure.Storage.Tests;

/// <summary>Rows written with plain SQL against the first schema, as a server of that version wrote them.</summary>
internal static class FirstSchemaRows
{
    public static async Task InsertAsync(MeasureDbContext db, Guid runId)
    {
        var device = new DeviceFingerprint("Debian", "6.1", "x64", "AMD EPYC", 2, ["avx2"], 1L << 30, "10.0.0", "0.1.0", Hostname: "old-box");
        var now = new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO devices ("FingerprintHash", "Name", "CpuModel", "BoardModel", "Os", "Architecture", "LogicalCores", "MemoryBytes", "FirstSeenUtc", "LastSeenUtc")
            VALUES ({DeviceIdentity.Hash(device)}, {"old-box"}, {"AMD EPYC"}, {null}, {"Debian"}, {"x64"}, {2}, {1L << 30}, {now}, {now})
            """);
        var deviceId = await db.Devices.Select(d => d.Id).SingleAsync();
        var deviceJson = JsonSerializer.Serialize(device, MeasureJson.Context.DeviceFingerprint);
        var metricsJson = JsonSerializer.Serialize(StandardMetrics.All, MeasureJson.Context.IReadOnlyListMetricDeclaration);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO runs ("Id", "DeviceId", "SchemaVersion", "SuiteId", "SuiteVersion", "SuiteHash", "AgentVersion", "StartedAtUtc", "FinishedAtUtc", "ReceivedAtUtc", "ReportHash", "DeviceJson", "MetricsJson", "LabelsJson", "FlagsJson", "PhasesJson", "WorkloadCount")
            VALUES ({runId}, {deviceId}, {1}, {"quick"}, {1}, {new string('b', 64)}, {"0.1.0"}, {now}, {now.AddMinutes(1)}, {now}, {"hash"}, {deviceJson}, {metricsJson}, {"{\"branch\":\"main\"}"}, {null}, {null}, {1})
            """);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO workload_results ("RunId", "Ordinal", "Workload", "Precision", "Isa", "Threads", "ComparabilityKey", "ParametersJson", "ValuesJson", "FlagsJson")
            VALUES ({runId}, {0}, {"gemv"}, {"f32"}, {"avx2"}, {1}, {"key"}, {"{}"}, {null}, {null})
            """);
        var workloadId = await db.WorkloadResults.Select(w => w.Id).SingleAsync();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO sample_series ("WorkloadResultId", "Ordinal", "Metric", "Count", "Data")
            VALUES ({workloadId}, {0}, {"latency"}, {3}, {SampleCodec.Encode([1.5, 2.5, 3.5])})
            """);
    }
}
