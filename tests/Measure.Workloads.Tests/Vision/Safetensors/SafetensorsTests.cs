using System.Buffers.Binary;
using System.Text;
using Measure.Kernels.Threading;
using Measure.Workloads.Gguf;
using Measure.Workloads.Vision.Accuracy;
using Measure.Workloads.Vision.Model;
using Measure.Workloads.Vision.Safetensors;

namespace Measure.Workloads.Tests.Vision.Safetensors;

public sealed class SafetensorsTests : IDisposable
{
    // One context per test: contexts serve one caller at a time and xunit runs classes in parallel.
    private readonly KernelContext _context = new(1);

    [Fact]
    public void WriteThenLoad_SeededModel_GivesIdenticalLogits()
    {
        using var temp = new TempDirectory();
        var path = temp.File("mobilenet.safetensors");
        var seeded = MobileNetModel.Seeded(MobileNetConfig.Tiny, VisionPrecision.F32);
        SafetensorsWriter.Write(path, seeded.Weights.Tensors, metadata: new Dictionary<string, string> { ["model"] = seeded.Name });

        var loaded = MobileNetModel.Load(MobileNetConfig.Tiny, path, VisionPrecision.F32);

        var image = SeededImages.Create(1, 32)[0];
        Assert.Equal(new MobileNetSession(seeded, _context).Classify(image), new MobileNetSession(loaded, _context).Classify(image));
        Assert.Equal(path, loaded.Weights.Source);
    }

    [Fact]
    public void WriteThenLoad_F16File_HoldsTheRoundedWeightsAndTracksTheFp16Model()
    {
        using var temp = new TempDirectory();
        var path = temp.File("mobilenet-f16.safetensors");
        var seeded = MobileNetModel.Seeded(MobileNetConfig.Tiny, VisionPrecision.F16);
        SafetensorsWriter.Write(path, seeded.Weights.Tensors, SafetensorsDtype.F16);

        var loaded = MobileNetModel.Load(MobileNetConfig.Tiny, path, VisionPrecision.F16);

        var stem = seeded.Layout.Stem;
        var original = seeded.Weights.Get(stem.WeightName, stem.WeightShape).Values;
        Assert.Equal(original.Select(v => (float)(Half)v), loaded.Weights.Get(stem.WeightName, stem.WeightShape).Values);
        Assert.All(SafetensorsReader.ReadHeader(path), e => Assert.Equal(SafetensorsDtype.F16, e.Dtype));
        var image = SeededImages.Create(1, 32)[0];
        var expected = new MobileNetSession(seeded, _context).Classify(image);
        var actual = new MobileNetSession(loaded, _context).Classify(image);
        Assert.True(LogitComparison.SqnrDb([expected], [actual]) > 50); // only the FP32 biases were rounded on the way
    }

    [Fact]
    public void ReadHeader_WrittenFile_HasAlignedAbsoluteOffsets()
    {
        using var temp = new TempDirectory();
        var path = temp.File("two.safetensors");
        SafetensorsWriter.Write(path, [new VisionTensor("a", [3], [1, 2, 3]), new VisionTensor("b", [2, 2], [4, 5, 6, 7])]);

        var entries = SafetensorsReader.ReadHeader(path);

        Assert.Equal(["a", "b"], entries.Select(e => e.Name));
        Assert.Equal(0, (entries[0].FileOffset - 8) % 8);
        Assert.Equal(entries[0].FileOffset + 12, entries[1].FileOffset);
        Assert.Equal(new FileInfo(path).Length, entries[1].FileOffset + 16);
        Assert.Equal([4f, 5, 6, 7], SafetensorsReader.Load(path).Get("b", [2, 2]).Values);
    }

    [Fact]
    public void Load_EveryTruncation_ThrowsModelFormatExceptionNamingTheFile()
    {
        using var temp = new TempDirectory();
        var whole = temp.File("whole.safetensors");
        SafetensorsWriter.Write(whole, [new VisionTensor("conv.weight", [2, 3], [1, 2, 3, 4, 5, 6]), new VisionTensor("conv.bias", [2], [7, 8])]);
        var bytes = File.ReadAllBytes(whole);
        var cut = temp.File("cut.safetensors");

        for (int length = 0; length < bytes.Length; length++)
        {
            File.WriteAllBytes(cut, bytes[..length]);
            var error = Assert.Throws<ModelFormatException>(() => SafetensorsReader.Load(cut));
            Assert.Equal(cut, error.FilePath);
        }
    }

    [Fact]
    public void Load_OffsetsBeyondTheFile_NameTensorAndOffset()
    {
        using var temp = new TempDirectory();
        var path = Raw(temp, """{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}""", dataBytes: 8);

        var error = Assert.Throws<ModelFormatException>(() => SafetensorsReader.Load(path));

        Assert.Equal("w", error.TensorName);
        Assert.NotNull(error.Offset);
        Assert.Contains("data section", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"w":{"dtype":"F32","shape":[4],"data_offsets":[0,8]}}""", "needs 16")]
    [InlineData("""{"w":{"dtype":"BF16","shape":[4],"data_offsets":[0,8]}}""", "unsupported tensor type BF16")]
    [InlineData("""{"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,8]}}""", "not a non-negative")]
    [InlineData("""{"w":{"dtype":"F32","data_offsets":[0,8]}}""", "\"shape\"")]
    [InlineData("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[0]}}""", "[begin, end]")]
    [InlineData("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}}""", "do not lie inside")]
    [InlineData("""{"w":[1,2]}""", "not an object")]
    public void Load_BadEntry_NamesTheTensorAndProblem(string header, string problem)
    {
        using var temp = new TempDirectory();
        var path = Raw(temp, header, dataBytes: 16);

        var error = Assert.Throws<ModelFormatException>(() => SafetensorsReader.Load(path));

        Assert.Equal("w", error.TensorName);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"w": {"dtype": """, "not valid JSON")]
    [InlineData("""[1, 2, 3]""", "not an object of tensors")]
    public void Load_BadHeaderJson_ThrowsWithTheHeaderOffset(string header, string problem)
    {
        using var temp = new TempDirectory();
        var path = Raw(temp, header, dataBytes: 0);

        var error = Assert.Throws<ModelFormatException>(() => SafetensorsReader.Load(path));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Equal(8, error.Offset);
    }

    [Fact]
    public void Load_HeaderLengthPastTheEnd_ThrowsAtOffsetZero()
    {
        using var temp = new TempDirectory();
        var path = temp.File("huge.safetensors");
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, ulong.MaxValue);
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<ModelFormatException>(() => SafetensorsReader.Load(path));

        Assert.Equal(0, error.Offset);
        Assert.Contains("header length", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadModel_TensorOfWrongShape_NamesFileTensorAndOffset()
    {
        using var temp = new TempDirectory();
        var path = temp.File("wrong.safetensors");
        var layout = new MobileNetLayout(MobileNetConfig.Tiny);
        var tensors = SeededVisionWeights.ForClassifier(layout).Tensors
            .Select(t => t.Name == "head.weight" ? t with { Shape = [t.Shape[1], t.Shape[0]] } : t);
        SafetensorsWriter.Write(path, tensors);

        var error = Assert.Throws<ModelFormatException>(() => MobileNetModel.Load(MobileNetConfig.Tiny, path, VisionPrecision.Int8));

        Assert.Equal(path, error.FilePath);
        Assert.Equal("head.weight", error.TensorName);
        Assert.Equal(SafetensorsReader.ReadHeader(path).Single(e => e.Name == "head.weight").FileOffset, error.Offset);
    }

    [Fact]
    public void LoadModel_MissingTensor_NamesIt()
    {
        using var temp = new TempDirectory();
        var path = temp.File("missing.safetensors");
        var layout = new MobileNetLayout(MobileNetConfig.Tiny);
        SafetensorsWriter.Write(path, SeededVisionWeights.ForClassifier(layout).Tensors.Where(t => t.Name != "classifier.bias"));

        var error = Assert.Throws<ModelFormatException>(() => MobileNetModel.Load(MobileNetConfig.Tiny, path, VisionPrecision.F32));

        Assert.Equal("classifier.bias", error.TensorName);
    }

    [Fact]
    public void Load_MissingFile_ThrowsModelFormatException()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<ModelFormatException>(() => SafetensorsReader.Load(temp.File("absent.safetensors")));

        Assert.Contains("cannot open", error.Message, StringComparison.Ordinal);
    }

    private static string Raw(TempDirectory temp, string header, int dataBytes)
    {
        var path = temp.File("raw.safetensors");
        var json = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + json.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)json.Length);
        json.CopyTo(bytes, 8);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => _context.Dispose();
}
