using System.Text.Json;
using Lambada.Runtime.Api;
using Lambada.Runtime.Context;
using Lambada.Runtime.Handlers;

namespace Lambada.Runtime;

/// <summary>
/// next → invoke → response, forever. Whatever one invocation does — bad JSON, a thrown exception, an
/// oversized result — becomes an error response for that invocation only; the loop goes on.
/// </summary>
internal sealed class InvocationLoop(RuntimeApiClient api, FunctionHandler handler, TimeProvider clock)
{
    public const int MaxResponseBytes = 6 * 1024 * 1024;

    /// <summary>How long before the deadline the handler's CancellationToken fires.</summary>
    public static TimeSpan CancellationMargin { get; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Serves invocations until <paramref name="stop"/> fires (inside Lambda: until the process ends).</summary>
    public async Task RunAsync(CancellationToken stop = default)
    {
        try
        {
            while (true)
            {
                var invocation = await api.NextAsync(stop).ConfigureAwait(false);
                await HandleAsync(invocation, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task HandleAsync(Invocation invocation, CancellationToken stop)
    {
        Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", invocation.TraceId);
        var context = new InvocationContext(invocation, clock);
        using var deadline = new CancellationTokenSource(Positive(context.RemainingTime - CancellationMargin), clock);

        FunctionError? error;
        try
        {
            var response = await handler.InvokeAsync(invocation.Payload, context, deadline.Token).ConfigureAwait(false);
            error = response.Length > MaxResponseBytes
                ? FunctionError.Of("Function.ResponseSizeTooLarge", $"The response is {response.Length} bytes; Lambda accepts at most {MaxResponseBytes}.")
                : await api.RespondAsync(invocation.RequestId, response, stop).ConfigureAwait(false)
                    ? null
                    : FunctionError.Of("Function.ResponseSizeTooLarge", $"The Runtime API refused the {response.Length}-byte response as too large.");
        }
        catch (JsonException e)
        {
            error = FunctionError.Of("Runtime.SerializationError", $"The event could not be read as the handler's input: {e.Message}");
        }
        catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            error = FunctionError.From(e);
        }

        if (error is not null)
        {
            context.Logger.Log($"{error.ErrorType}: {error.ErrorMessage}");
            await api.ReportErrorAsync(invocation.RequestId, error, stop).ConfigureAwait(false);
        }
    }

    private static TimeSpan Positive(TimeSpan span) => span > TimeSpan.Zero ? span : TimeSpan.Zero;
}
