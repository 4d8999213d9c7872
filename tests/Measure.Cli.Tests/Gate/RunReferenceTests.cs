using Measure.Cli.Gate;

namespace Measure.Cli.Tests.Gate;

public class RunReferenceTests
{
    [Fact]
    public void Parse_Guid_IsRunIdNeedingServer()
    {
        var id = Guid.NewGuid();
        var reference = RunReference.Parse(id.ToString());
        Assert.Equal(RunReferenceKind.RunId, reference.Kind);
        Assert.Equal(id, reference.RunId);
        Assert.True(reference.NeedsServer);
    }

    [Fact]
    public void Parse_LatestQuery_SplitsSuiteDeviceAndLabels()
    {
        var reference = RunReference.Parse("latest:branch=main,suite=quick,device=rpi5");
        Assert.Equal(RunReferenceKind.Latest, reference.Kind);
        Assert.Equal("quick", reference.Filter!.Suite);
        Assert.Equal("rpi5", reference.Filter.Device);
        Assert.Equal("main", reference.Filter.Labels!["branch"]);
        Assert.Equal(["suite=quick", "device=rpi5", "label=branch:main"], reference.Filter.ToQuery().Select(p => $"{p.Key}={p.Value}"));
    }

    [Fact]
    public void Parse_LatestPerDevice_IsPerDeviceQuery()
    {
        var reference = RunReference.Parse("latest-per-device:branch=main");
        Assert.Equal(RunReferenceKind.LatestPerDevice, reference.Kind);
        Assert.Null(reference.Filter!.Device);
    }

    [Fact]
    public void Parse_PlainPath_IsFile()
    {
        var reference = RunReference.Parse("reports/base.json");
        Assert.Equal(RunReferenceKind.File, reference.Kind);
        Assert.False(reference.NeedsServer);
    }

    [Theory]
    [InlineData("latest:branch")]
    [InlineData("latest:=main")]
    [InlineData("latest:branch=")]
    [InlineData("latest:branch=a,branch=b")]
    public void Parse_MalformedQuery_ThrowsNamingThePart(string text)
    {
        var ex = Assert.Throws<ArgumentException>(() => RunReference.Parse(text));
        Assert.Contains(text, ex.Message, StringComparison.Ordinal);
    }
}
