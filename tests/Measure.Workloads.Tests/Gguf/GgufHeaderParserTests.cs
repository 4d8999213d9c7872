using Measure.Workloads.Gguf;

namespace Measure.Workloads.Tests.Gguf;

public sealed class GgufHeaderParserTests
{
    private static readonly Lazy<byte[]> TinyQ8Bytes = new(() => File.ReadAllBytes(Fixtures.TinyQ8));

    private static GgufHeaderParser.ParsedHeader Parse(byte[] bytes) => GgufHeaderParser.Parse(bytes, bytes.Length, "test.gguf");

    [Fact]
    public void Parse_EveryScalarAndArrayType_RoundTrips()
    {
        var bytes = new GgufBuilder { Version = 2 }
            .Raw("u8", 0, w => w.Write((byte)200)).Raw("i8", 1, w => w.Write((sbyte)-5))
            .Raw("u16", 2, w => w.Write((ushort)60000)).Raw("i16", 3, w => w.Write((short)-300))
            .UInt32("u32", 4_000_000_000).Int32("i32", -7).Float32("f32", 1.5f).Bool("bool", true)
            .String("str", "héllo ▁").UInt64("u64", 1UL << 40).Raw("i64", 11, w => w.Write(-(1L << 40))).Float64("f64", 2.25)
            .Strings("strs", ["a", "", "ü"]).Floats("floats", [1f, -2f]).Int32s("ints", [3, 4, 5])
            .Raw("nested", 9, w =>
            {
                w.Write(9u);
                w.Write(1UL);
                w.Write(7u);
                w.Write(2UL);
                w.Write(true);
                w.Write(false);
            })
            .Build();

        var metadata = Parse(bytes).Metadata;

        Assert.Equal(2u, Parse(bytes).Version);
        Assert.Equal(200, metadata.GetInteger("u8"));
        Assert.Equal(-5, metadata.GetInteger("i8"));
        Assert.Equal(60000, metadata.GetInteger("u16"));
        Assert.Equal(-300, metadata.GetInteger("i16"));
        Assert.Equal(4_000_000_000, metadata.GetInteger("u32"));
        Assert.Equal(-7, metadata.GetInteger("i32"));
        Assert.Equal(1.5, metadata.GetRealOrNull("f32"));
        Assert.True(metadata.GetBoolOrNull("bool"));
        Assert.Equal("héllo ▁", metadata.GetString("str"));
        Assert.Equal(1L << 40, metadata.GetInteger("u64"));
        Assert.Equal(-(1L << 40), metadata.GetInteger("i64"));
        Assert.Equal(2.25, metadata.GetRealOrNull("f64"));
        Assert.Equal(["a", "", "ü"], metadata.GetArray<string>("strs"));
        Assert.Equal([1f, -2f], metadata.GetArray<float>("floats"));
        Assert.Equal([3, 4, 5], metadata.GetArray<int>("ints"));
        var nested = Assert.Single(metadata.GetArray<GgufValue>("nested"));
        Assert.Equal([true, false], (bool[])nested.Value);
    }

    [Fact]
    public void Parse_WrongTypeRequested_ThrowsNamingKeyAndTypes()
    {
        var metadata = Parse(new GgufBuilder().String("llama.block_count", "two").Build()).Metadata;

        var error = Assert.Throws<ModelFormatException>(() => metadata.GetInteger("llama.block_count"));

        Assert.Contains("'llama.block_count' is String, expected an integer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongMagic_ThrowsNotAGgufFile()
    {
        var bytes = TinyQ8Bytes.Value[..64].ToArray();
        bytes[0] = (byte)'X';

        var error = Assert.Throws<ModelFormatException>(() => Parse(bytes));

        Assert.Contains("not a GGUF file", error.Message, StringComparison.Ordinal);
        Assert.Contains("'XGUF'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, error.Offset);
    }

    [Theory]
    [InlineData(1u)]
    [InlineData(4u)]
    [InlineData(0x03000000u)]
    public void Parse_UnsupportedVersion_ThrowsNamingTheVersion(uint version)
    {
        var error = Assert.Throws<ModelFormatException>(() => Parse(new GgufBuilder { Version = version }.Build()));

        Assert.Contains($"unsupported GGUF version {version}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnsupportedTensorType_NamesTypeAndTensor()
    {
        var bytes = new GgufBuilder().Tensor("blk.0.attn_q.weight", [256, 4], 12, new byte[144 * 4]).Build();

        var error = Assert.Throws<ModelFormatException>(() => Parse(bytes));

        Assert.Contains("unsupported tensor type Q4_K (12) in tensor 'blk.0.attn_q.weight'", error.Message, StringComparison.Ordinal);
        Assert.Equal("blk.0.attn_q.weight", error.TensorName);
    }

    [Fact]
    public void Parse_TensorOffsetBeyondFile_ThrowsNamingTensorAndOffset()
    {
        var bytes = new GgufBuilder().F32Tensor("a", [4], [1, 2, 3, 4]).Tensor("b", [4], 0, new byte[16], offsetOverride: 1 << 20).Build();

        var error = Assert.Throws<ModelFormatException>(() => Parse(bytes));

        Assert.Contains("beyond the end", error.Message, StringComparison.Ordinal);
        Assert.Equal("b", error.TensorName);
    }

    [Fact]
    public void Parse_MisalignedTensorOffset_Throws()
    {
        var bytes = new GgufBuilder().Tensor("a", [4], 0, new byte[16], offsetOverride: 4).Build();

        var error = Assert.Throws<ModelFormatException>(() => Parse(bytes));

        Assert.Contains("not aligned to 32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Q8RowNotAMultipleOf32_ThrowsShapeMismatch()
    {
        var bytes = new GgufBuilder().Tensor("w", [48, 2], 8, new byte[34 * 3]).Build();

        var error = Assert.Throws<ModelFormatException>(() => Parse(bytes));

        Assert.Contains("row length 48 is not a multiple of the Q8_0 block size 32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CustomAlignment_IsHonoured()
    {
        var bytes = new GgufBuilder { Alignment = 64 }.UInt32("general.alignment", 64).F32Tensor("a", [3], [1, 2, 3]).F32Tensor("b", [2], [4, 5]).Build();

        var header = Parse(bytes);

        Assert.Equal(64, header.Alignment);
        Assert.Equal(0, header.DataOffset % 64);
        Assert.Equal(64, header.Tensors[1].RelativeOffset);
    }

    [Fact]
    public void Parse_HugeArrayCount_ThrowsWithoutAllocating()
    {
        var bytes = new GgufBuilder().Raw("tokenizer.ggml.tokens", 9, w =>
        {
            w.Write(8u);
            w.Write(ulong.MaxValue / 2);
        }).Build();

        var error = Assert.Throws<ModelFormatException>(() => Parse(bytes));

        Assert.Contains("length of array 'tokenizer.ggml.tokens'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FixtureTruncatedAcrossTheHeader_OnlyEverThrowsModelFormatException()
    {
        var bytes = TinyQ8Bytes.Value;
        var offsets = Enumerable.Range(0, 30).Select(i => (int)((long)i * 725_064 / 30)).Concat(Enumerable.Range(0, 40)).Append(725_000);
        foreach (var length in offsets)
        {
            var prefix = bytes[..length];
            Assert.Throws<ModelFormatException>(() => Parse(prefix));
        }
    }

    [Fact]
    public void Parse_SmallFileTruncatedAtEveryByte_OnlyEverThrowsModelFormatException()
    {
        var bytes = SmallModelFile();
        Assert.NotNull(Parse(bytes));
        for (var length = 0; length < bytes.Length; length++)
        {
            var prefix = bytes[..length];
            Assert.Throws<ModelFormatException>(() => Parse(prefix));
        }
    }

    [Fact]
    public void Parse_SmallFileWithFlippedBits_EitherParsesOrThrowsModelFormatException()
    {
        var original = SmallModelFile();
        var random = new Random(1234);
        for (var trial = 0; trial < 3000; trial++)
        {
            var bytes = (byte[])original.Clone();
            for (var flips = 1 + random.Next(3); flips > 0; flips--)
            {
                bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
            }

            try
            {
                Parse(bytes);
            }
            catch (ModelFormatException error)
            {
                Assert.StartsWith("test.gguf: ", error.Message, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>Every structural element in a few hundred bytes: scalars, strings, arrays, nested arrays, three tensors.</summary>
    private static byte[] SmallModelFile() => new GgufBuilder()
        .String("general.architecture", "llama").UInt32("general.alignment", 32).Float32("f", 0.5f).Bool("b", false)
        .Strings("tokens", ["<s>", "▁a", "b"]).Floats("scores", [0f, -1f, -2f]).Int32s("types", [3, 1, 1])
        .Raw("nested", 9, w =>
        {
            w.Write(9u);
            w.Write(2UL);
            w.Write(4u);
            w.Write(1UL);
            w.Write(7u);
            w.Write(8u);
            w.Write(1UL);
            w.Write(1UL);
            w.Write((byte)'x');
        })
        .F32Tensor("norm", [4], [1, 1, 1, 1])
        .Tensor("q8", [32, 2], 8, new byte[68])
        .Tensor("f16", [8, 2], 1, new byte[32])
        .Build();
}
