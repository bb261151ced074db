using System.Globalization;
using Lambada.Runtime.Api;

namespace Lambada.Runtime.Context;

/// <summary>The context of one invocation: request facts from the Runtime API, function facts from the environment.</summary>
internal sealed class InvocationContext(Invocation invocation, TimeProvider clock) : ILambadaContext
{
    public string AwsRequestId => invocation.RequestId;
    public string FunctionName { get; } = Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME") ?? "";
    public string FunctionVersion { get; } = Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_VERSION") ?? "$LATEST";
    public string InvokedFunctionArn => invocation.InvokedFunctionArn ?? "";
    public int MemoryLimitInMB { get; } = int.TryParse(Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var mb) ? mb : 0;
    // Zero, not negative, once the deadline has passed (a deadline can arrive already past: RuntimeApiHeaders.ParseDeadline).
    public TimeSpan RemainingTime => invocation.Deadline - clock.GetUtcNow() is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero;
    public string? ClientContext => invocation.ClientContext;
    public string? CognitoIdentity => invocation.CognitoIdentity;
    // Made on first use: most invocations never log, and Console.Error costs a cold start a few milliseconds.
    public ILambadaLogger Logger => _logger ??= new LambdaLogger(invocation.RequestId, Console.Error);

    private LambdaLogger? _logger;
}
