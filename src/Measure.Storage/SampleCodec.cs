using System.Buffers.Binary;

namespace Measure.Storage;

/// <summary>
/// Packs sample series as a format byte followed by little-endian float64 values: exact, compact
/// compared with one row per sample, and readable the same way on SQLite and PostgreSQL.
/// </summary>
public static class SampleCodec
{
    private const byte RawFloat64 = 1;

    public static byte[] Encode(IReadOnlyList<double> values)
    {
        var bytes = new byte[1 + (values.Count * sizeof(double))];
        bytes[0] = RawFloat64;
        for (var i = 0; i < values.Count; i++)
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(1 + (i * sizeof(double))), values[i]);
        return bytes;
    }

    public static double[] Decode(byte[] data)
    {
        if (data.Length == 0 || data[0] != RawFloat64 || (data.Length - 1) % sizeof(double) != 0)
            throw new InvalidDataException($"Unknown sample encoding (format byte {(data.Length == 0 ? "missing" : data[0].ToString(System.Globalization.CultureInfo.InvariantCulture))}, {data.Length} bytes).");
        var values = new double[(data.Length - 1) / sizeof(double)];
        for (var i = 0; i < values.Length; i++)
            values[i] = BinaryPrimitives.ReadDoubleLittleEndian(data.AsSpan(1 + (i * sizeof(double))));
        return values;
    }
}
