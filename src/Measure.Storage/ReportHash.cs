using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Measure.Contracts;

namespace Measure.Storage;

/// <summary>
/// The identity of a report's content, so a repeated upload is recognised whatever its formatting.
/// Version 2 hashes the canonical JSON of everything but the sample and trace values, then those values as
/// raw little-endian doubles: the same content as version 1 (canonical JSON of the whole report) at a
/// fraction of the cost, since formatting 10,000 doubles as text dominated ingest. Rows stored with
/// version 1 hashes are still compared the version 1 way.
/// </summary>
public static class ReportHash
{
    private const string Version2 = "v2:";

    public static string Compute(RunReport report)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var skeleton = report with
        {
            Workloads = report.Workloads.Select(w => w with { Samples = w.Samples.Select(s => new SampleSeries(s.Metric, [])).ToList() }).ToList(),
            SensorTraces = report.SensorTraces?.Select(t => t with { TimesSeconds = [], Values = [] }).ToList(),
        };
        hash.AppendData(Encoding.UTF8.GetBytes(MeasureJson.Serialize(skeleton)));
        foreach (var series in report.Workloads.SelectMany(w => w.Samples))
            AppendValues(hash, series.Values);
        foreach (var trace in report.SensorTraces ?? [])
        {
            AppendValues(hash, trace.TimesSeconds);
            AppendValues(hash, trace.Values);
        }
        return Version2 + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Whether <paramref name="stored"/> (of either version) is the hash of <paramref name="report"/>.</summary>
    public static bool Matches(string stored, RunReport report, string computed) =>
        stored.StartsWith(Version2, StringComparison.Ordinal) ? stored == computed : stored == Version1(report);

    private static string Version1(RunReport report) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(MeasureJson.Serialize(report))));

    private static void AppendValues(IncrementalHash hash, IReadOnlyList<double> values)
    {
        Span<byte> count = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(count, values.Count);
        hash.AppendData(count);
        ReadOnlySpan<double> span = values switch
        {
            double[] array => array,
            List<double> list => CollectionsMarshal.AsSpan(list),
            _ => values.ToArray(),
        };
        if (BitConverter.IsLittleEndian)
        {
            hash.AppendData(MemoryMarshal.AsBytes(span));
            return;
        }
        Span<byte> one = stackalloc byte[sizeof(double)];
        foreach (var value in span)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(one, value);
            hash.AppendData(one);
        }
    }
}
