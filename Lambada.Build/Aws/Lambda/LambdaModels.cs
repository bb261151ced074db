namespace Lambada.Build.Aws.Lambda;

// The members of Lambda's rest-json shapes that Lambada reads or writes; unknown members are ignored.

internal sealed record EnvironmentSettings(IReadOnlyDictionary<string, string>? Variables);

internal sealed record EphemeralStorageSettings(int Size);

internal sealed record FunctionConfiguration
{
    public string FunctionName { get; init; } = "";
    public string FunctionArn { get; init; } = "";
    public string? Runtime { get; init; }
    public string? Role { get; init; }
    public string? Handler { get; init; }
    public string? Description { get; init; }
    public int Timeout { get; init; }
    public int MemorySize { get; init; }
    public long CodeSize { get; init; }
    public string? CodeSha256 { get; init; }
    public string? Version { get; init; }
    public string? LastModified { get; init; }
    public EnvironmentSettings? Environment { get; init; }
    public IReadOnlyList<string>? Architectures { get; init; }
    public EphemeralStorageSettings? EphemeralStorage { get; init; }
    public string? State { get; init; }
    public string? StateReason { get; init; }
    public string? StateReasonCode { get; init; }
    public string? LastUpdateStatus { get; init; }
    public string? LastUpdateStatusReason { get; init; }
    public string? LastUpdateStatusReasonCode { get; init; }
    public string? RevisionId { get; init; }
    public string? PackageType { get; init; }
}

internal sealed record ConcurrencySettings(int? ReservedConcurrentExecutions);

internal sealed record GetFunctionResult(FunctionConfiguration Configuration, IReadOnlyDictionary<string, string>? Tags, ConcurrencySettings? Concurrency);

internal sealed record ListFunctionsResult(string? NextMarker, IReadOnlyList<FunctionConfiguration>? Functions);

internal sealed record AccountUsage(long TotalCodeSize, int FunctionCount);

internal sealed record AccountSettingsResult(AccountUsage? AccountUsage);

internal sealed record ListTagsResult(IReadOnlyDictionary<string, string>? Tags);

/// <summary>Inline zip bytes (serialised base64 by System.Text.Json) or an S3 object.</summary>
internal sealed record FunctionCode
{
    public byte[]? ZipFile { get; init; }
    public string? S3Bucket { get; init; }
    public string? S3Key { get; init; }
}

internal sealed record CreateFunctionRequest
{
    public required string FunctionName { get; init; }
    public required string Role { get; init; }
    public required FunctionCode Code { get; init; }
    public string? Runtime { get; init; }
    public string? Handler { get; init; }
    public string? Description { get; init; }
    public int Timeout { get; init; }
    public int MemorySize { get; init; }
    public string PackageType { get; init; } = "Zip";
    public EnvironmentSettings? Environment { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
    public IReadOnlyList<string>? Architectures { get; init; }
    public EphemeralStorageSettings? EphemeralStorage { get; init; }
}

internal sealed record UpdateFunctionConfigurationRequest
{
    public string? Role { get; init; }
    public string? Handler { get; init; }
    public string? Description { get; init; }
    public int? Timeout { get; init; }
    public int? MemorySize { get; init; }
    public string? Runtime { get; init; }
    public EnvironmentSettings? Environment { get; init; }
    public EphemeralStorageSettings? EphemeralStorage { get; init; }
    public string? RevisionId { get; init; }
}

internal sealed record UpdateFunctionCodeRequest
{
    public byte[]? ZipFile { get; init; }
    public string? S3Bucket { get; init; }
    public string? S3Key { get; init; }
    public IReadOnlyList<string>? Architectures { get; init; }
    public string? RevisionId { get; init; }
}

internal sealed record PublishVersionRequest(string? CodeSha256, string? Description, string? RevisionId);

internal sealed record AliasConfiguration(string? AliasArn, string Name, string FunctionVersion, string? Description, string? RevisionId);

internal sealed record InvokeResult(int StatusCode, string? FunctionError, string? ExecutedVersion, byte[] Payload);
