using Measure.Agent.State;
using Measure.Agent.Tests.Fakes;

namespace Measure.Agent.Tests.Outbox;

public sealed class DurableFileTests
{
    [Fact]
    public void WriteAllText_ExistingFile_ReplacedWholeAndNoTemporaryLeft()
    {
        using var temp = new TempStateDirectory();
        var path = Path.Join(temp.State.Path, "nested", "file.json");
        DurableFile.WriteAllText(path, "old");
        DurableFile.WriteAllText(path, "new content");

        Assert.Equal("new content", File.ReadAllText(path));
        Assert.Equal(["file.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void WriteAllText_OwnerOnlyMode_OthersCannotRead()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var temp = new TempStateDirectory();
        var path = Path.Join(temp.State.Path, "secret");
        DurableFile.WriteAllText(path, "token", UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }
}
