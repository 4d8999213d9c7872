using Measure.Sensors.Platform;

namespace Measure.Sensors.Tests.Platform;

public sealed class OsReleaseTests
{
    [Fact]
    public void Parse_QuotedUnquotedAndComments_ReturnsValues()
    {
        var values = OsRelease.Parse("# comment\nPRETTY_NAME=\"Ubuntu 22.04.4 LTS\"\nID=ubuntu\nNAME='Pi OS'\n");

        Assert.Equal("Ubuntu 22.04.4 LTS", values["PRETTY_NAME"]);
        Assert.Equal("ubuntu", values["ID"]);
        Assert.Equal("Pi OS", values["NAME"]);
        Assert.Equal(3, values.Count);
    }
}
