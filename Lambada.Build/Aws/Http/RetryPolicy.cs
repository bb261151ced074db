namespace Lambada.Build.Aws.Http;

/// <summary>What kind of failure an attempt met, and so whether it is worth another one.</summary>
internal enum FailureKind { Permanent, Throttled, Transient, UpdateInProgress, RoleNotAssumableYet, NoConnection, NoAnswer }

/// <summary>
/// Which failures are retried and how long to wait: throttling (honouring <c>Retry-After</c>), 5xx,
/// <c>ResourceConflictException</c> while an update is in progress, and "role cannot be assumed" right after a role was
/// created. Exponential backoff with full jitter, capped, under a deadline. Nothing else is retried. Network failures
/// (no connection, no answer) have their own, much shorter limits in <see cref="Network"/>.
/// </summary>
internal sealed record RetryPolicy(TimeSpan BaseDelay, TimeSpan MaxDelay, TimeSpan Deadline, int MaxAttempts)
{
    /// <summary>How long "the role cannot be assumed" is retried: long enough for IAM to propagate a new role (reports say
    /// up to ~30 s; Chalice allows 150 s), short enough that a role Lambda may never assume fails in minutes, not five.</summary>
    public TimeSpan RolePropagationDeadline { get; init; } = TimeSpan.FromSeconds(90);

    public NetworkLimits Network { get; init; } = NetworkLimits.Default;

    public static RetryPolicy Default { get; } = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(5), 30);

    private static readonly HashSet<string> ThrottleCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "RequestLimitExceeded", "RequestThrottled", "SlowDown", "PriorRequestNotComplete", "ProvisionedThroughputExceededException",
        "TransactionInProgressException", "BandwidthLimitExceeded", "LimitExceededException", "EC2ThrottledException",
    };

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "ServiceException", "ServiceFailure", "ServiceUnavailable",
        "InternalError", "InternalFailure", "ConcurrentModification",
    };

    public static FailureKind Classify(AwsServiceException error)
    {
        switch (error.Network)
        {
            case NetworkFailure.NoConnection: return FailureKind.NoConnection;
            case NetworkFailure.NoAnswer: return FailureKind.NoAnswer;
            case NetworkFailure.Unreachable: return FailureKind.Permanent;
        }
        if (error.StatusCode == 429 || ThrottleCodes.Contains(error.Code))
            return FailureKind.Throttled;
        if (error.StatusCode is 500 or 502 or 503 or 504 || TransientCodes.Contains(error.Code))
            return FailureKind.Transient;
        if (error.Code == "ResourceConflictException" && error.AwsMessage.Contains("in progress", StringComparison.OrdinalIgnoreCase))
            return FailureKind.UpdateInProgress;
        if (error.Code == "InvalidParameterValueException" && error.AwsMessage.Contains("cannot be assumed", StringComparison.OrdinalIgnoreCase))
            return FailureKind.RoleNotAssumableYet;
        return FailureKind.Permanent;
    }

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1: a random share of the capped exponential step, never less than the server asked for.</summary>
    public TimeSpan Delay(int attempt, TimeSpan? retryAfter, double random)
    {
        var exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var step = TimeSpan.FromMilliseconds(random * Math.Min(exponential, MaxDelay.TotalMilliseconds));
        return retryAfter is { } asked && asked > step ? asked : step;
    }
}
