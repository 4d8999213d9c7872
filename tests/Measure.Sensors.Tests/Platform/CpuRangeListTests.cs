using Measure.Sensors.Platform;

namespace Measure.Sensors.Tests.Platform;

public sealed class CpuRangeListTests
{
    [Theory]
    [InlineData("0", new[] { 0 })]
    [InlineData("0-3\n", new[] { 0, 1, 2, 3 })]
    [InlineData("0-1,4,6-7", new[] { 0, 1, 4, 6, 7 })]
    public void Parse_KernelCpuList_ExpandsRanges(string text, int[] expected) =>
        Assert.Equal(expected, CpuRangeList.Parse(text));

    [Theory]
    [InlineData("3-1")]
    [InlineData("a-b")]
    public void Parse_Malformed_ThrowsFormatExceptionNamingText(string text)
    {
        var error = Assert.Throws<FormatException>(() => CpuRangeList.Parse(text));
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }
}
