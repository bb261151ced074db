using System.Globalization;
using System.Net.Http.Headers;

namespace Lambada.Runtime.Api;

/// <summary>Header names of the Runtime API and how an invocation is read from them.</summary>
internal static class RuntimeApiHeaders
{
    public const string RequestId = "Lambda-Runtime-Aws-Request-Id";
    public const string DeadlineMs = "Lambda-Runtime-Deadline-Ms";
    public const string InvokedFunctionArn = "Lambda-Runtime-Invoked-Function-Arn";
    public const string TraceId = "Lambda-Runtime-Trace-Id";
    public const string ClientContext = "Lambda-Runtime-Client-Context";
    public const string CognitoIdentity = "Lambda-Runtime-Cognito-Identity";
    public const string FunctionErrorType = "Lambda-Runtime-Function-Error-Type";

    // Deadlines are epoch milliseconds; anything before 2001 can only be a duration (as @vercel/fun sends it).
    private const long EarliestEpochDeadline = 978_307_200_000;

    public static Invocation ToInvocation(HttpResponseHeaders headers, ReadOnlyMemory<byte> payload, DateTimeOffset now) => new()
    {
        RequestId = Get(headers, RequestId) ?? throw new InvalidDataException($"The Runtime API sent no {RequestId} header"),
        Deadline = ParseDeadline(Get(headers, DeadlineMs), now),
        InvokedFunctionArn = Get(headers, InvokedFunctionArn),
        TraceId = Get(headers, TraceId),
        ClientContext = Get(headers, ClientContext),
        CognitoIdentity = Get(headers, CognitoIdentity),
        Payload = payload,
    };

    public static DateTimeOffset ParseDeadline(string? value, DateTimeOffset now)
    {
        if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
            return now.AddMinutes(15);
        return ms < EarliestEpochDeadline ? now.AddMilliseconds(ms) : DateTimeOffset.FromUnixTimeMilliseconds(ms);
    }

    private static string? Get(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
