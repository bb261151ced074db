using System.Globalization;

namespace Lambada.Build.Aws.Http;

/// <summary>
/// An AWS API call that failed: the service's error code and message, the HTTP status and the request id — or, when
/// <see cref="Network"/> is set, no answer at all, with the endpoint that was tried.
/// </summary>
internal sealed class AwsServiceException(string operation, string code, string message, int statusCode, string? requestId, TimeSpan? retryAfter = null)
    : Exception($"{operation}: {code}: {message}")
{
    public string Operation { get; } = operation;
    public string Code { get; } = code;
    public string AwsMessage { get; } = message;
    public int StatusCode { get; } = statusCode;
    public string? RequestId { get; } = requestId;

    /// <summary>The server's <c>Retry-After</c>, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public NetworkFailure Network { get; init; }

    /// <summary>The endpoint tried and where it came from, e.g. <c>http://localhost:4566/ (AWS_ENDPOINT_URL)</c>.</summary>
    public string? Endpoint { get; init; }

    /// <summary>The call asks AWS to change something: with <see cref="NetworkFailure.NoAnswer"/> whether it did is unknown.</summary>
    public bool Mutates { get; init; }

    /// <summary>How many attempts were made before giving up (set by the send loop).</summary>
    public int Attempts { get; internal set; } = 1;

    /// <summary>A sent request AWS may have carried out although no answer came back.</summary>
    public bool OutcomeUnknown => Network == NetworkFailure.NoAnswer && Mutates;

    /// <summary>How a failed call is reported to the user: operation, AWS code and message, HTTP status and request id; or what the network did.</summary>
    public string Summary => Network switch
    {
        NetworkFailure.NoConnection =>
            $"{Operation} failed: no connection to {Endpoint}: {AwsMessage}{Tries}; the request was not sent",
        NetworkFailure.NoAnswer =>
            $"{Operation} failed: no answer from {Endpoint}: {AwsMessage}{Tries}{(Mutates ? "; the request was sent, so AWS may or may not have carried it out" : "")}",
        NetworkFailure.Unreachable => $"{Operation} not sent: {AwsMessage}",
        _ => $"{Operation} failed: {Code}: {AwsMessage} (HTTP {StatusCode}{(RequestId is null ? "" : $", request id {RequestId}")})",
    };

    /// <summary>The attempts made, when the send loop counted them (the AWSSDK clients do not say).</summary>
    private string Tries => Attempts switch
    {
        <= 0 => "",
        1 => " (1 attempt)",
        _ => $" ({Attempts.ToString(CultureInfo.InvariantCulture)} attempts)",
    };
}
