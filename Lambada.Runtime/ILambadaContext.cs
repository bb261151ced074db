namespace Lambada.Runtime;

/// <summary>
/// What a handler may learn about the invocation it is serving. Declare it as the handler's second
/// parameter (or its only one) to receive it.
/// </summary>
public interface ILambadaContext
{
    /// <summary>The request id Lambda gave this invocation.</summary>
    string AwsRequestId { get; }

    /// <summary>The function's name.</summary>
    string FunctionName { get; }

    /// <summary>The function version being run (<c>$LATEST</c> or a number).</summary>
    string FunctionVersion { get; }

    /// <summary>The ARN the caller invoked, with a qualifier when one was used.</summary>
    string InvokedFunctionArn { get; }

    /// <summary>The memory configured for the function, in MB.</summary>
    int MemoryLimitInMB { get; }

    /// <summary>Time left before Lambda stops this invocation.</summary>
    TimeSpan RemainingTime { get; }

    /// <summary>The client context a mobile SDK caller sent, as raw JSON; null when none.</summary>
    string? ClientContext { get; }

    /// <summary>The caller's Amazon Cognito identity, as raw JSON; null when none.</summary>
    string? CognitoIdentity { get; }

    /// <summary>Writes lines to the function's log.</summary>
    ILambadaLogger Logger { get; }
}
