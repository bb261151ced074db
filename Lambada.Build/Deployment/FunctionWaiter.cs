using System.Diagnostics;
using Lambada.Build.Aws.Lambda;
using Lambada.Build.Diagnostics;

namespace Lambada.Build.Deployment;

/// <summary>
/// Waits until a function accepts the next change: <c>State</c> no longer Pending and <c>LastUpdateStatus</c> no longer
/// InProgress (the FunctionActiveV2 / FunctionUpdatedV2 waiters), polling GetFunctionConfiguration with a growing delay.
/// A Failed state or update ends the wait with Lambda's reason.
/// </summary>
internal sealed class FunctionWaiter(LambdaClient lambda, Action<string> progress, WaitTimings timings)
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    /// <summary>Waits on <c>$LATEST</c>, or on a published version (PublishedVersionActive) when <paramref name="version"/> is given.</summary>
    public async Task<FunctionConfiguration> WaitAsync(string name, FunctionConfiguration current, CancellationToken cancellation, string? version = null)
    {
        var clock = Stopwatch.StartNew();
        var lastProgress = TimeSpan.Zero;
        var delay = timings.FirstDelay;
        while (true)
        {
            ThrowIfFailed(current);
            if (current.State != "Pending" && current.LastUpdateStatus != "InProgress")
                return current;
            if (clock.Elapsed > timings.Deadline)
                throw DeployFailure.Of(DiagnosticCatalogue.FunctionNotReady, name,
                    $"{name} is still State {current.State ?? "-"} / LastUpdateStatus {current.LastUpdateStatus ?? "-"} after {timings.Deadline.TotalMinutes:0} minutes");
            if (clock.Elapsed - lastProgress >= ProgressEvery)
            {
                lastProgress = clock.Elapsed;
                progress($"waiting for {name}: State {current.State ?? "-"}, LastUpdateStatus {current.LastUpdateStatus ?? "-"} ({clock.Elapsed.TotalSeconds:0} s)");
            }
            await Task.Delay(delay, cancellation).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, timings.MaxDelay.Ticks));
            current = await lambda.GetFunctionConfigurationAsync(name, cancellation, version).ConfigureAwait(false);
        }
    }

    private static void ThrowIfFailed(FunctionConfiguration c)
    {
        if (c.State == "Failed")
            throw DeployFailure.Of(DiagnosticCatalogue.FunctionNotReady, c.FunctionName, $"{c.FunctionName} entered State Failed: {c.StateReasonCode} {c.StateReason}".TrimEnd());
        if (c.LastUpdateStatus == "Failed")
            throw DeployFailure.Of(DiagnosticCatalogue.FunctionNotReady, c.FunctionName, $"the last update of {c.FunctionName} failed: {c.LastUpdateStatusReasonCode} {c.LastUpdateStatusReason}".TrimEnd());
    }
}

/// <summary>How a <see cref="FunctionWaiter"/> polls: the first delay, the longest one it grows to, and when it gives up.</summary>
internal sealed record WaitTimings(TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan Deadline)
{
    /// <summary>A build's: Lambda's own waiters poll about every few seconds, and a function can take minutes to become ready.</summary>
    public static WaitTimings Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(15));
}
