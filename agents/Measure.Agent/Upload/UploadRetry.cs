using Polly;
using Polly.Retry;

namespace Measure.Agent.Upload;

/// <summary>
/// Retries transient upload failures with exponential backoff and jitter, so a rack of agents
/// coming back after an outage does not hit the server in lock-step. Only <see cref="UploadVerdict.Transient"/>
/// is retried: a refused report or token fails the same way every time.
/// </summary>
public sealed record UploadRetryOptions(int MaxRetryAttempts = 6, TimeSpan? FirstDelay = null, TimeSpan? MaxDelay = null)
{
    public static UploadRetryOptions Default { get; } = new();

    public ResiliencePipeline<UploadOutcome> BuildPipeline(TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetryAttempts);
        var builder = new ResiliencePipelineBuilder<UploadOutcome>();
        if (timeProvider is not null)
            builder.TimeProvider = timeProvider;
        if (MaxRetryAttempts == 0)
            return builder.Build();
        return builder.AddRetry(new RetryStrategyOptions<UploadOutcome>
        {
            ShouldHandle = new PredicateBuilder<UploadOutcome>().HandleResult(o => o.Verdict == UploadVerdict.Transient),
            MaxRetryAttempts = MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = FirstDelay ?? TimeSpan.FromSeconds(2),
            MaxDelay = MaxDelay ?? TimeSpan.FromMinutes(2),
        }).Build();
    }
}
