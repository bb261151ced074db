using System.Reflection;
using Lambada.Runtime.Context;
using Lambada.Runtime.Handlers;

namespace Lambada.Runtime.Local;

/// <summary>A context for a local run: the function's own name, memory and timeout, and a fresh request id.</summary>
internal sealed class LocalContext : ILambadaContext
{
    // The built-in defaults of Lambada.Build (Manifest/FunctionDefaults), for attributes that leave them unset.
    private const int DefaultTimeoutSeconds = 30;
    private const int DefaultMemoryMB = 512;
    private readonly DateTimeOffset deadline;

    public LocalContext(CatalogEntry function)
    {
        var attribute = function.Method.GetCustomAttribute<LambadaFunctionAttribute>()!;
        FunctionName = function.Name;
        MemoryLimitInMB = attribute.MemorySize > 0 ? attribute.MemorySize : DefaultMemoryMB;
        Timeout = TimeSpan.FromSeconds(attribute.Timeout > 0 ? attribute.Timeout : DefaultTimeoutSeconds);
        deadline = DateTimeOffset.UtcNow + Timeout;
        Logger = new LambdaLogger(AwsRequestId, Console.Error);
    }

    public TimeSpan Timeout { get; }
    public string AwsRequestId { get; } = Guid.NewGuid().ToString();
    public string FunctionName { get; }
    public string FunctionVersion => "$LATEST";
    public string InvokedFunctionArn => $"arn:aws:lambda:local:000000000000:function:{FunctionName}";
    public int MemoryLimitInMB { get; }
    public TimeSpan RemainingTime => deadline - DateTimeOffset.UtcNow;
    public string? ClientContext => null;
    public string? CognitoIdentity => null;
    public ILambadaLogger Logger { get; }
}
