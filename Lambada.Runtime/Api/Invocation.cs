namespace Lambada.Runtime.Api;

/// <summary>One event handed out by <c>GET /runtime/invocation/next</c>, with the headers that describe it.</summary>
internal sealed record Invocation
{
    public required string RequestId { get; init; }

    /// <summary>When Lambda stops the invocation (UTC); at most Lambda's longest timeout and a minute ahead.</summary>
    public required DateTimeOffset Deadline { get; init; }

    /// <summary>What was wrong with the deadline header, for the log; null when it was fine.</summary>
    public string? DeadlineProblem { get; init; }
    public string? InvokedFunctionArn { get; init; }
    public string? TraceId { get; init; }
    public string? ClientContext { get; init; }
    public string? CognitoIdentity { get; init; }
    public required ReadOnlyMemory<byte> Payload { get; init; }
}
