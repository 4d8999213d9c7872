using System.Text;

namespace Measure.Workloads.Tests.Gguf;

/// <summary>Writes small GGUF files byte by byte, so tests can craft exactly the header they need.</summary>
internal sealed class GgufBuilder
{
    private readonly List<Action<BinaryWriter>> _metadata = [];
    private readonly List<(string Name, long[] Dims, uint Type, byte[] Data, ulong? OffsetOverride)> _tensors = [];

    public uint Version { get; init; } = 3;

    public int Alignment { get; init; } = 32;

    public GgufBuilder String(string key, string value) => Add(key, 8, w => WriteString(w, value));

    public GgufBuilder UInt32(string key, uint value) => Add(key, 4, w => w.Write(value));

    public GgufBuilder Int32(string key, int value) => Add(key, 5, w => w.Write(value));

    public GgufBuilder Float32(string key, float value) => Add(key, 6, w => w.Write(value));

    public GgufBuilder Bool(string key, bool value) => Add(key, 7, w => w.Write(value));

    public GgufBuilder UInt64(string key, ulong value) => Add(key, 10, w => w.Write(value));

    public GgufBuilder Float64(string key, double value) => Add(key, 12, w => w.Write(value));

    public GgufBuilder Raw(string key, uint type, Action<BinaryWriter> write) => Add(key, type, write);

    public GgufBuilder Strings(string key, IReadOnlyList<string> values) => Add(key, 9, w =>
    {
        w.Write(8u);
        w.Write((ulong)values.Count);
        foreach (var v in values)
        {
            WriteString(w, v);
        }
    });

    public GgufBuilder Floats(string key, IReadOnlyList<float> values) => Add(key, 9, w =>
    {
        w.Write(6u);
        w.Write((ulong)values.Count);
        foreach (var v in values)
        {
            w.Write(v);
        }
    });

    public GgufBuilder Int32s(string key, IReadOnlyList<int> values) => Add(key, 9, w =>
    {
        w.Write(5u);
        w.Write((ulong)values.Count);
        foreach (var v in values)
        {
            w.Write(v);
        }
    });

    public GgufBuilder Tensor(string name, long[] dims, uint type, byte[] data, ulong? offsetOverride = null)
    {
        _tensors.Add((name, dims, type, data, offsetOverride));
        return this;
    }

    public GgufBuilder F32Tensor(string name, long[] dims, float[] values)
    {
        var bytes = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return Tensor(name, dims, 0, bytes);
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Encoding.ASCII.GetBytes("GGUF"));
        w.Write(Version);
        w.Write((ulong)_tensors.Count);
        w.Write((ulong)_metadata.Count);
        foreach (var write in _metadata)
        {
            write(w);
        }

        ulong offset = 0;
        var offsets = new List<ulong>();
        foreach (var (name, dims, type, data, offsetOverride) in _tensors)
        {
            WriteString(w, name);
            w.Write((uint)dims.Length);
            foreach (var d in dims)
            {
                w.Write((ulong)d);
            }

            w.Write(type);
            offsets.Add(offset);
            w.Write(offsetOverride ?? offset);
            offset = AlignUp(offset + (ulong)data.Length);
        }

        w.Flush();
        Pad(w);
        var dataStart = (ulong)stream.Position;
        for (var i = 0; i < _tensors.Count; i++)
        {
            stream.Position = (long)(dataStart + offsets[i]);
            w.Write(_tensors[i].Data);
        }

        w.Flush();
        if (_tensors.Count > 0)
        {
            Pad(w);
        }

        return stream.ToArray();
    }

    public string WriteTo(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, Build());
        return path;
    }

    private static void WriteString(BinaryWriter w, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        w.Write((ulong)bytes.Length);
        w.Write(bytes);
    }

    private GgufBuilder Add(string key, uint type, Action<BinaryWriter> writeValue)
    {
        _metadata.Add(w =>
        {
            WriteString(w, key);
            w.Write(type);
            writeValue(w);
        });
        return this;
    }

    private ulong AlignUp(ulong value) => (value + (ulong)Alignment - 1) / (ulong)Alignment * (ulong)Alignment;

    private void Pad(BinaryWriter w)
    {
        while (w.BaseStream.Position % Alignment != 0)
        {
            w.Write((byte)0);
        }
    }
}
