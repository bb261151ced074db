using System.Diagnostics;
using Lambada.Build.Aws.Lambda;
using Lambada.Build.Diagnostics;

namespace Lambada.Build.Deployment;

/// <summary>
/// Waits until a function accepts the next change: <c>State</c> no longer Pending and <c>LastUpdateStatus</c> no longer
/// InProgress (the FunctionActiveV2 / FunctionUpdatedV2 waiters), polling GetFunctionConfiguration with a growing delay.
/// A Failed state or update ends the wait with Lambda's reason.
/// </summary>
public sealed class FunctionWaiter(LambdaClient lambda, Action<string> progress, TimeSpan firstDelay, TimeSpan maxDelay, TimeSpan deadline)
{
    public static readonly string FailedCode = DiagnosticCatalogue.FunctionNotReady.Code;
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    /// <summary>Waits on <c>$LATEST</c>, or on a published version (PublishedVersionActive) when <paramref name="version"/> is given.</summary>
    public async Task<FunctionConfiguration> WaitAsync(string name, FunctionConfiguration current, CancellationToken cancellation, string? version = null)
    {
        var clock = Stopwatch.StartNew();
        var lastProgress = TimeSpan.Zero;
        var delay = firstDelay;
        while (true)
        {
            ThrowIfFailed(current);
            if (current.State != "Pending" && current.LastUpdateStatus != "InProgress")
                return current;
            if (clock.Elapsed > deadline)
                throw new DeploymentException(FailedCode,
                    $"{name} is still State {current.State ?? "-"} / LastUpdateStatus {current.LastUpdateStatus ?? "-"} after {deadline.TotalMinutes:0} minutes");
            if (clock.Elapsed - lastProgress >= ProgressEvery)
            {
                lastProgress = clock.Elapsed;
                progress($"waiting for {name}: State {current.State ?? "-"}, LastUpdateStatus {current.LastUpdateStatus ?? "-"} ({clock.Elapsed.TotalSeconds:0} s)");
            }
            await Task.Delay(delay, cancellation).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, maxDelay.Ticks));
            current = await lambda.GetFunctionConfigurationAsync(name, cancellation, version).ConfigureAwait(false);
        }
    }

    private static void ThrowIfFailed(FunctionConfiguration c)
    {
        if (c.State == "Failed")
            throw new DeploymentException(FailedCode, $"{c.FunctionName} entered State Failed: {c.StateReasonCode} {c.StateReason}".TrimEnd());
        if (c.LastUpdateStatus == "Failed")
            throw new DeploymentException(FailedCode, $"the last update of {c.FunctionName} failed: {c.LastUpdateStatusReasonCode} {c.LastUpdateStatusReason}".TrimEnd());
    }
}
