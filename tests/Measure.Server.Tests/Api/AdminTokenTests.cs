using Measure.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Measure.Server.Tests.Api;

public class AdminTokenTests
{
    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task FirstStart_WritesAdminTokenReadableOnlyByOwner_AndStoresOnlyItsHash()
    {
        await using var server = RunningServer.Start();
        var path = Path.Combine(server.DataDirectory, "admin-token");

        var mode = File.GetUnixFileMode(path);
        var stored = await server.WithDbAsync(db => db.ApiTokens.SingleAsync());

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        Assert.StartsWith("msr_", server.AdminToken, StringComparison.Ordinal);
        Assert.Equal("admin", stored.Kind);
        Assert.Equal(32, stored.Hash.Length);
        Assert.DoesNotContain(server.AdminToken[17..], Convert.ToHexString(stored.Hash), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SecondStart_KeepsTheExistingAdminToken()
    {
        string first;
        string data;
        await using (var server = RunningServer.Start())
        {
            first = server.AdminToken;
            data = server.DataDirectory;
            File.Copy(Path.Combine(data, "admin-token"), Path.Combine(data, "admin-token.keep"));
        }
        Assert.False(Directory.Exists(data));
        Assert.StartsWith("msr_", first, StringComparison.Ordinal);
    }
}
