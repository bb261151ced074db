using System.Globalization;
using System.Net.Http.Headers;

namespace Lambada.Runtime.Api;

/// <summary>Header names of the Runtime API and how an invocation is read from them. Nothing here throws on what the Runtime API sent.</summary>
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

    /// <summary>Lambda's longest function timeout is 900 s; no invocation Lambda hands out can have more time than that.</summary>
    public static TimeSpan LongestTimeout { get; } = TimeSpan.FromSeconds(900);

    // A minute on top of the longest timeout, for the time between Lambda setting the deadline and the host
    // reading it and for clock differences; further ahead than that, the value is not a deadline Lambda set.
    private static readonly TimeSpan LatestPlausible = LongestTimeout + TimeSpan.FromMinutes(1);

    /// <summary>The request id, or null when the header is missing or blank: such an invocation cannot be answered.</summary>
    public static string? RequestIdOf(HttpResponseHeaders headers) =>
        Get(headers, RequestId) is { } id && !string.IsNullOrWhiteSpace(id) ? id.Trim() : null;

    public static Invocation ToInvocation(string requestId, HttpResponseHeaders headers, ReadOnlyMemory<byte> payload, DateTimeOffset now)
    {
        var deadline = ParseDeadline(Get(headers, DeadlineMs), now);
        return new()
        {
            RequestId = requestId,
            Deadline = deadline.Value,
            DeadlineProblem = deadline.Problem,
            InvokedFunctionArn = Get(headers, InvokedFunctionArn),
            TraceId = Get(headers, TraceId),
            ClientContext = Get(headers, ClientContext),
            CognitoIdentity = Get(headers, CognitoIdentity),
            Payload = payload,
        };
    }

    /// <summary>
    /// Reads <c>Lambda-Runtime-Deadline-Ms</c>. A value that is missing, not a whole number, negative, or further
    /// ahead than Lambda's longest timeout becomes now + 15 minutes, with a problem to log: the value only sets the
    /// handler's RemainingTime and CancellationToken (Lambda enforces the real deadline by stopping the sandbox),
    /// so the host assumes the most time Lambda could have given rather than fail an event that is otherwise fine.
    /// A deadline already past is kept: the invocation runs with no time left and its token already cancelled.
    /// </summary>
    public static Deadline ParseDeadline(string? value, DateTimeOffset now)
    {
        if (value is null)
            return Assumed(now, $"no {DeadlineMs} header");
        if (!long.TryParse(value, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms))
            return Assumed(now, $"{DeadlineMs} '{Shorten(value)}' is not a number of milliseconds");
        if (ms < 0)
            return Assumed(now, $"{DeadlineMs} {ms} is negative");

        var isDuration = ms < EarliestEpochDeadline;
        // Compared as milliseconds before any DateTimeOffset is made: 99999999999999999 is past DateTimeOffset.MaxValue.
        var ahead = isDuration ? ms : ms - now.ToUnixTimeMilliseconds();
        if (ahead > (long)LatestPlausible.TotalMilliseconds)
            return Assumed(now, $"{DeadlineMs} {ms} is {Describe(ahead)} ahead, more than Lambda's {LongestTimeout.TotalSeconds:0} s limit");

        var deadline = isDuration ? now.AddMilliseconds(ms) : DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return deadline < now
            ? new(deadline, $"{DeadlineMs} {ms} is {(now - deadline).TotalSeconds:0.###} s in the past; the invocation runs with its token already cancelled")
            : new(deadline, null);
    }

    private static Deadline Assumed(DateTimeOffset now, string problem) =>
        new(now + LongestTimeout, $"{problem}; assuming {LongestTimeout.TotalMinutes:0} minutes from now");

    // As a double: 99999999999999999 ms is more than TimeSpan can hold.
    private static string Describe(long ms) => ms >= 86_400_000 ? $"{ms / 86_400_000.0:0.#} days" : $"{ms / 1000.0:0.###} s";

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static string? Get(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}

/// <summary>An invocation's deadline, and what was wrong with the header it came from (null when nothing).</summary>
internal readonly record struct Deadline(DateTimeOffset Value, string? Problem);
