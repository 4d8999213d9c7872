using System.Text.Json.Serialization;
using Measure.Contracts.Fleet;

namespace Measure.Contracts;

/// <summary>
/// Source-generated serialization for every wire type, trimming-safe for the agent. Nullable
/// annotations and required constructor parameters are enforced, so a report missing a field or
/// carrying null where the contract says non-null fails to parse with the field's path.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    MaxDepth = 32)]
[JsonSerializable(typeof(RunReport))]
[JsonSerializable(typeof(RunAccepted))]
[JsonSerializable(typeof(RunSummary))]
[JsonSerializable(typeof(Page<RunSummary>))]
[JsonSerializable(typeof(DeviceFingerprint))]
[JsonSerializable(typeof(IReadOnlyList<MetricDeclaration>))]
[JsonSerializable(typeof(IReadOnlyList<MetricValue>))]
[JsonSerializable(typeof(IReadOnlyList<PhaseMark>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(EnrollRequest))]
[JsonSerializable(typeof(EnrollResponse))]
[JsonSerializable(typeof(HeartbeatRequest))]
[JsonSerializable(typeof(HeartbeatResponse))]
[JsonSerializable(typeof(CreateJobRequest))]
[JsonSerializable(typeof(JobCreated))]
[JsonSerializable(typeof(LeaseRequest))]
[JsonSerializable(typeof(JobLease))]
[JsonSerializable(typeof(RenewRequest))]
[JsonSerializable(typeof(RenewResponse))]
[JsonSerializable(typeof(CompleteJobRequest))]
[JsonSerializable(typeof(FailJobRequest))]
[JsonSerializable(typeof(CreateTokenRequest))]
[JsonSerializable(typeof(TokenCreated))]
[JsonSerializable(typeof(IReadOnlyList<TokenInfo>))]
[JsonSerializable(typeof(CreateEnrollmentTokenRequest))]
[JsonSerializable(typeof(EnrollmentTokenCreated))]
[JsonSerializable(typeof(IReadOnlyList<AgentInfo>))]
[JsonSerializable(typeof(Page<JobInfo>))]
[JsonSerializable(typeof(JobInfo))]
[JsonSerializable(typeof(CreateScheduleRequest))]
[JsonSerializable(typeof(ScheduleInfo))]
[JsonSerializable(typeof(IReadOnlyList<ScheduleInfo>))]
public sealed partial class MeasureJsonContext : JsonSerializerContext;
