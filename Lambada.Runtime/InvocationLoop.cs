using System.Text.Json;
using Lambada.Runtime.Api;
using Lambada.Runtime.Context;
using Lambada.Runtime.Handlers;

namespace Lambada.Runtime;

/// <summary>
/// next → invoke → response, forever. Whatever one invocation does — bad JSON, a thrown exception, an
/// oversized result — becomes an error response for that invocation only; the loop goes on. Whatever the
/// Runtime API sends — no request id, a garbled deadline, an error status, a body cut short — is reported as
/// far as it can be (an error for the invocation when it has a request id, a log record when it has not) and
/// the loop goes on. <c>/runtime/init/error</c> is never used here: it reports a failed init, so after init it
/// would at best be refused and at worst fail the whole sandbox for one bad answer.
/// </summary>
internal sealed class InvocationLoop(RuntimeApiClient api, FunctionHandler handler, TimeProvider clock, HostLog log, NextBackoff? pacing = null)
{
    public const int MaxResponseBytes = 6 * 1024 * 1024;

    /// <summary>How long before the deadline the handler's CancellationToken fires.</summary>
    public static TimeSpan CancellationMargin { get; } = TimeSpan.FromMilliseconds(500);

    private readonly NextBackoff _backoff = pacing ?? new(clock);

    /// <summary>Serves invocations until <paramref name="stop"/> fires (inside Lambda: until the process ends).</summary>
    /// <returns>0 when stopped; 1 when the Runtime API is gone.</returns>
    public async Task<int> RunAsync(CancellationToken stop = default)
    {
        try
        {
            while (true)
            {
                if (!await ServeNextAsync(stop).ConfigureAwait(false) && !await _backoff.WaitAsync(stop).ConfigureAwait(false))
                {
                    log.Error(null, $"the Runtime API at {api.Address} gave nothing to serve {_backoff.Failures} times in a row; exiting (inside Lambda this means the sandbox is shutting down)");
                    return 1;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0;
        }
    }

    /// <returns>false when the answer gave nothing to serve, so the next attempt waits.</returns>
    private async Task<bool> ServeNextAsync(CancellationToken stop)
    {
        try
        {
            switch (await api.NextAsync(clock, stop).ConfigureAwait(false))
            {
                case NextAnswer.Event(var invocation):
                    _backoff.Reset();
                    await HandleAsync(invocation, stop).ConfigureAwait(false);
                    return true;
                case NextAnswer.Unreadable(var requestId, var reason):
                    _backoff.Reset();
                    log.Error(requestId, reason);
                    await ReportAsync(requestId, FunctionError.Of("Runtime.UnreadableEvent", $"The event could not be received: {reason}"), stop).ConfigureAwait(false);
                    return true;
                case NextAnswer.Unanswerable(var reason):
                    log.Error(null, $"{reason}; that invocation cannot be answered (Lambda will time it out), skipping it");
                    return false;
                case NextAnswer.Failed(var reason):
                    log.Error(null, reason);
                    return false;
                default:
                    return false;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            // The last line of defence: nothing above should throw; if it does, the next invocation is still served.
            log.Error(null, $"unexpected failure in the invocation loop, going on: {e}");
            return false;
        }
    }

    private async Task HandleAsync(Invocation invocation, CancellationToken stop)
    {
        if (invocation.DeadlineProblem is { } problem)
            log.Warn(invocation.RequestId, problem);
        var context = new InvocationContext(invocation, clock);

        var (response, error) = await InvokeAsync(invocation, context, stop).ConfigureAwait(false);
        if (response is not null)
        {
            var posted = await api.RespondAsync(invocation.RequestId, response, stop).ConfigureAwait(false);
            if (posted.WasAccepted)
                return;
            error = posted.TooLarge
                ? FunctionError.Of("Function.ResponseSizeTooLarge", $"The Runtime API refused the {response.Length}-byte response as too large.")
                // Worth trying: an error the Runtime API takes tells the caller why instead of a timeout.
                : FunctionError.Of("Runtime.ResponseNotAccepted", $"The Runtime API did not accept the {response.Length}-byte response: {posted.Failure}");
        }

        context.Logger.Log($"{error!.ErrorType}: {error.ErrorMessage}");
        await ReportAsync(invocation.RequestId, error, stop).ConfigureAwait(false);
    }

    /// <summary>Runs the handler: its result, or the error that stands for it (exactly one is not null).</summary>
    private async Task<(byte[]? Response, FunctionError? Error)> InvokeAsync(Invocation invocation, InvocationContext context, CancellationToken stop)
    {
        try
        {
            Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", invocation.TraceId);
            // RemainingTime is at most about 16 minutes (RuntimeApiHeaders.ParseDeadline), well inside what a timer takes.
            var untilCancelled = context.RemainingTime - CancellationMargin;
            using var deadline = new CancellationTokenSource(untilCancelled > TimeSpan.Zero ? untilCancelled : TimeSpan.Zero, clock);
            if (untilCancelled <= TimeSpan.Zero)
                deadline.Cancel(); // a deadline already past (or within the margin): the handler starts with its token cancelled
            var response = await handler.InvokeAsync(invocation.Payload, context, deadline.Token).ConfigureAwait(false);
            return response.Length > MaxResponseBytes
                ? (null, FunctionError.Of("Function.ResponseSizeTooLarge", $"The response is {response.Length} bytes; Lambda accepts at most {MaxResponseBytes}."))
                : (response, null);
        }
        catch (JsonException e)
        {
            return (null, FunctionError.Of("Runtime.SerializationError", $"The event could not be read as the handler's input: {e.Message}"));
        }
        catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            return (null, FunctionError.From(e));
        }
    }

    private async Task ReportAsync(string requestId, FunctionError error, CancellationToken stop)
    {
        var reported = await api.ReportErrorAsync(requestId, error, stop).ConfigureAwait(false);
        if (!reported.WasAccepted)
            log.Error(requestId, $"the Runtime API did not accept the {error.ErrorType} error report ({reported.Failure}); Lambda will time this invocation out");
    }
}
