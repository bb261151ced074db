using System.Globalization;

namespace Lambada.Build.Aws.Http;

/// <summary>One HTTP exchange with AWS, as reported to observers (logs, request counts in tests and benchmarks).</summary>
internal sealed record AwsAttempt(string Operation, bool Mutates, int Attempt, int? StatusCode, AwsServiceException? Error, TimeSpan? RetryIn)
{
    /// <summary>The function the call was made for (see <see cref="RequestSubject"/>), when known.</summary>
    public string? Subject { get; init; }

    /// <summary>For a failed attempt that will be retried: one line naming function, operation, reason and the wait.</summary>
    public string? ProgressLine => Error is { } error && RetryIn is { } wait
        ? $"{(Subject is null ? "" : Subject + ": ")}{Operation}: {Reason(error)}; next attempt in {wait.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s (attempt {(Attempt + 1).ToString(CultureInfo.InvariantCulture)})"
        : null;

    private static string Reason(AwsServiceException error) => error.Network switch
    {
        NetworkFailure.NoConnection => $"no connection to {error.Endpoint}: {error.AwsMessage}",
        NetworkFailure.NoAnswer => $"no answer from {error.Endpoint}: {error.AwsMessage}",
        _ => $"AWS answered {error.Code} (HTTP {error.StatusCode.ToString(CultureInfo.InvariantCulture)})",
    };
}
