using Measure.Agent.Android.Running;
using Measure.Agent.Fleet;

namespace Measure.Agent.Android.Fleet;

/// <summary>How <c>measure-agent serve --adb</c> runs its phones.</summary>
/// <param name="Server">Where new phones enroll (phones already enrolled use the server in their credential).</param>
/// <param name="EnrollmentTokens">Enrollment tokens for phones seen without a credential, each used until the server refuses it.</param>
/// <param name="Tags">Tags added to every phone's own (android, SoC, model, manufacturer), e.g. the lab's name.</param>
/// <param name="Serve">Each phone's job loop pacing.</param>
/// <param name="DiscoveryInterval">Time between <c>adb devices -l</c> scans.</param>
/// <param name="Run">How suites run on the phones.</param>
public sealed record AdbHostOptions(
    Uri? Server,
    IReadOnlyList<string> EnrollmentTokens,
    IReadOnlyList<string> Tags,
    ServeOptions Serve,
    TimeSpan DiscoveryInterval,
    PhoneRunOptions Run);
