using Measure.Workloads.Vision.Detection;

namespace Measure.Workloads.Tests.Vision.Detection;

public sealed class DetectionDecoderTests
{
    [Fact]
    public void BoxCoder_EncodeThenDecode_RoundTrips()
    {
        var anchor = new Anchor(0.5f, 0.4f, 0.2f, 0.3f);
        var box = new BoundingBox(0.35f, 0.2f, 0.7f, 0.55f);

        var decoded = BoxCoder.Decode(anchor, BoxCoder.Encode(anchor, box));

        Assert.Equal(box.XMin, decoded.XMin, 5);
        Assert.Equal(box.YMin, decoded.YMin, 5);
        Assert.Equal(box.XMax, decoded.XMax, 5);
        Assert.Equal(box.YMax, decoded.YMax, 5);
    }

    [Fact]
    public void BoxCoder_ZeroOffsets_GiveTheAnchor()
    {
        var decoded = BoxCoder.Decode(new Anchor(0.5f, 0.5f, 0.2f, 0.4f), [0, 0, 0, 0]);

        Assert.Equal(new BoundingBox(0.4f, 0.3f, 0.6f, 0.7f), decoded);
    }

    [Fact]
    public void BoxCoder_HugeSizeOffset_StaysFinite() =>
        Assert.True(float.IsFinite(BoxCoder.Decode(new Anchor(0.5f, 0.5f, 0.1f, 0.1f), [0, 0, 1e6f, 1e6f]).XMax));

    [Fact]
    public void AnchorGenerator_TwoMaps_OrdersByMapRowColumnAnchor()
    {
        var anchors = AnchorGenerator.Generate([2, 1], [1f, 2f], 0.2f, 0.8f);

        Assert.Equal((4 + 1) * 3, anchors.Count);
        Assert.Equal(new Anchor(0.25f, 0.25f, 0.2f, 0.2f), anchors[0]);
        Assert.Equal(0.2f * MathF.Sqrt(2f), anchors[1].Width, 6);
        Assert.Equal(MathF.Sqrt(0.2f * 0.8f), anchors[2].Width, 6); // the extra square between scales
        Assert.Equal(0.75f, anchors[3].CenterX); // second column of row 0
        Assert.Equal(new Anchor(0.5f, 0.5f, 0.8f, 0.8f), anchors[12]);
        Assert.Equal(MathF.Sqrt(0.8f), anchors[14].Width, 6); // last map's extra scale reaches 1.0
    }

    [Fact]
    public void Decode_HandMadeLogits_FindsTheConfidentAnchorsAndSuppressesDuplicates()
    {
        Anchor[] anchors = [new(0.25f, 0.25f, 0.4f, 0.4f), new(0.27f, 0.25f, 0.4f, 0.4f), new(0.75f, 0.75f, 0.3f, 0.3f)];
        var config = new DetectorConfig(Classes: 2, ScoreThreshold: 0.5f, IouThreshold: 0.5f);
        float[] boxes = new float[12];
        float[] logits =
        [
            0, 5, 0,   // anchor 0: class 0, p = 0.987
            0, 4, 0,   // anchor 1: class 0, overlaps anchor 0 -> suppressed
            0, 0, 3,   // anchor 2: class 1, p = 0.909
        ];

        var detections = DetectionDecoder.Decode(anchors, boxes, logits, config);

        Assert.Equal(2, detections.Count);
        Assert.Equal(0, detections[0].ClassId);
        Assert.Equal(MathF.Exp(5) / (2 + MathF.Exp(5)), detections[0].Score, 5);
        AssertClose(new BoundingBox(0.05f, 0.05f, 0.45f, 0.45f), detections[0].Box);
        Assert.Equal(1, detections[1].ClassId);
        AssertClose(new BoundingBox(0.6f, 0.6f, 0.9f, 0.9f), detections[1].Box);
    }

    [Fact]
    public void Decode_BoxRunningOffTheImage_IsClipped()
    {
        var detections = DetectionDecoder.Decode([new Anchor(0.05f, 0.95f, 0.3f, 0.3f)], new float[4], [0f, 9f], new DetectorConfig(Classes: 1));

        AssertClose(new BoundingBox(0f, 0.8f, 0.2f, 1f), Assert.Single(detections).Box);
    }

    [Fact]
    public void Decode_WrongLengths_ThrowNamingTheArgument() =>
        Assert.Equal("classLogits", Assert.Throws<ArgumentException>(
            () => DetectionDecoder.Decode([new Anchor(0.5f, 0.5f, 0.1f, 0.1f)], new float[4], new float[5], new DetectorConfig(Classes: 1))).ParamName);

    private static void AssertClose(BoundingBox expected, BoundingBox actual)
    {
        Assert.Equal(expected.XMin, actual.XMin, 5);
        Assert.Equal(expected.YMin, actual.YMin, 5);
        Assert.Equal(expected.XMax, actual.XMax, 5);
        Assert.Equal(expected.YMax, actual.YMax, 5);
    }
}
