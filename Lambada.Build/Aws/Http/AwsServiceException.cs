namespace Lambada.Build.Aws.Http;

/// <summary>An AWS API call that failed: the service's error code and message, the HTTP status and the request id.</summary>
public sealed class AwsServiceException(string operation, string code, string message, int statusCode, string? requestId, TimeSpan? retryAfter = null)
    : Exception($"{operation}: {code}: {message}")
{
    public string Operation { get; } = operation;
    public string Code { get; } = code;
    public string AwsMessage { get; } = message;
    public int StatusCode { get; } = statusCode;
    public string? RequestId { get; } = requestId;

    /// <summary>The server's <c>Retry-After</c>, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>How a failed call is reported to the user: operation, AWS code and message, HTTP status and request id.</summary>
    public string Summary =>
        $"{Operation} failed: {Code}: {AwsMessage} (HTTP {StatusCode}{(RequestId is null ? "" : $", request id {RequestId}")})";
}
