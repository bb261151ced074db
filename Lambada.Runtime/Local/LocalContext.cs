using System.Reflection;
using Lambada.Build.Model;
using Lambada.Runtime.Context;
using Lambada.Runtime.Handlers;

namespace Lambada.Runtime.Local;

/// <summary>
/// A context for a local run: the function's own name, memory and timeout, and a fresh request id. The memory and
/// timeout are the build's manifest's (<see cref="LocalManifest"/>), so they are the deployed ones; without a manifest,
/// the attribute's, or Lambada's built-in ones for what it leaves unset (project and assembly defaults are then unknown).
/// </summary>
internal sealed class LocalContext : ILambadaContext
{
    private readonly DateTimeOffset _deadline;

    /// <param name="log">Where the function's log lines go; stderr when null.</param>
    public LocalContext(CatalogEntry function, LocalManifestFunction? resolved, TextWriter? log = null)
    {
        var attribute = function.Method.GetCustomAttribute<LambadaFunctionAttribute>()!;
        FunctionName = function.Name;
        MemoryLimitInMB = resolved?.MemorySize ?? (attribute.MemorySize > 0 ? attribute.MemorySize : LambadaContract.BuiltInMemorySize);
        Timeout = TimeSpan.FromSeconds(resolved?.Timeout ?? (attribute.Timeout > 0 ? attribute.Timeout : LambadaContract.BuiltInTimeout));
        _deadline = DateTimeOffset.UtcNow + Timeout;
        Logger = new LambdaLogger(AwsRequestId, log ?? Console.Error);
    }

    public TimeSpan Timeout { get; }
    public string AwsRequestId { get; } = Guid.NewGuid().ToString();
    public string FunctionName { get; }
    public string FunctionVersion => "$LATEST";
    public string InvokedFunctionArn => $"arn:aws:lambda:local:000000000000:function:{FunctionName}";
    public int MemoryLimitInMB { get; }
    public TimeSpan RemainingTime => _deadline - DateTimeOffset.UtcNow;
    public string? ClientContext => null;
    public string? CognitoIdentity => null;
    public ILambadaLogger Logger { get; }
}
