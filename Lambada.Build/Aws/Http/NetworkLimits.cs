namespace Lambada.Build.Aws.Http;

/// <summary>
/// How long the network may keep a deploy waiting, kept apart from the AWS-error retries of <see cref="RetryPolicy"/>:
/// a connect timeout, a per-attempt timeout (longer for a request with a large body), a short time budget for requests
/// that never got a connection, and how many attempts a request that got no answer is given.
/// </summary>
internal sealed record NetworkLimits
{
    /// <summary>≈10 s connect, 50 s per attempt plus 2 s per MB of body, 10 s for connection failures, one retry for no answer:
    /// a refused endpoint fails a request in about 7 s, a silent one in about 101 s.</summary>
    public static NetworkLimits Default { get; } = new();

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one attempt may take, from sending to the last byte of the answer, for a request without a large body.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(50);

    /// <summary>The slowest upload a deploy is expected to survive (512 KiB/s: 2 s per MB), which sizes a code upload's attempt timeout.</summary>
    public double UploadBytesPerSecond { get; init; } = 512 * 1024;

    /// <summary>How long, waits included, a request that never got a connection (refused, DNS, connect timeout) keeps trying.</summary>
    public TimeSpan ConnectionBudget { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many attempts a request gets when it was sent and no answer came (a timeout or a connection lost mid-answer).</summary>
    public int NoAnswerAttempts { get; init; } = 2;

    /// <summary>The first wait after a network failure; it doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>The attempt timeout for a request whose body is <paramref name="bodyBytes"/> long.</summary>
    public TimeSpan AttemptTimeoutFor(long bodyBytes) => AttemptTimeout + TimeSpan.FromSeconds(bodyBytes / UploadBytesPerSecond);

    /// <summary>The wait before the next attempt after the <paramref name="failures"/>-th network failure of a request.</summary>
    public TimeSpan DelayAfter(int failures) =>
        TimeSpan.FromTicks(Math.Min(RetryDelay.Ticks * (1L << Math.Min(failures - 1, 20)), MaxRetryDelay.Ticks));
}
