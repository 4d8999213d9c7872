using System.Net;
using Measure.Agent.Upload;

namespace Measure.Agent.Tests.Upload;

public sealed class UploadOutcomeTests
{
    [Theory]
    [InlineData(408, UploadVerdict.Transient)]
    [InlineData(429, UploadVerdict.Transient)]
    [InlineData(500, UploadVerdict.Transient)]
    [InlineData(503, UploadVerdict.Transient)]
    [InlineData(401, UploadVerdict.Unauthorized)]
    [InlineData(403, UploadVerdict.Unauthorized)]
    [InlineData(400, UploadVerdict.Rejected)]
    [InlineData(409, UploadVerdict.Rejected)]
    [InlineData(413, UploadVerdict.Rejected)]
    public void FromFailure_Status_ClassifiedForRetry(int status, UploadVerdict expected) =>
        Assert.Equal(expected, UploadOutcome.FromFailure((HttpStatusCode)status, "x").Verdict);
}
