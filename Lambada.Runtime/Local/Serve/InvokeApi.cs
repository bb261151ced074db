using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Lambada.Runtime.Api;
using Lambada.Runtime.Handlers;

namespace Lambada.Runtime.Local.Serve;

/// <summary>
/// The Lambda Invoke API (<c>POST /2015-03-31/functions/{name}/invocations</c>), so <c>aws lambda invoke --endpoint-url</c> and
/// the AWS SDKs reach local code. The name may be a name, <c>name:qualifier</c> or an ARN; the qualifier is not checked.
/// <c>X-Amz-Invocation-Type</c>: <c>RequestResponse</c> (default) → 200 with the function's bytes; <c>Event</c> → 202 at once,
/// the function runs in the background; <c>DryRun</c> → 204. A function error → 200 with <c>X-Amz-Function-Error: Unhandled</c>
/// and Lambda's error JSON. SigV4 is not checked: any <c>Authorization</c> is accepted.
/// </summary>
[RequiresUnreferencedCode(Trimming.Reason), RequiresDynamicCode(Trimming.Reason)]
internal sealed class InvokeApi(IReadOnlyDictionary<string, ServedFunction> functions, TextWriter errors)
{
    public const string PathPrefix = "/2015-03-31/functions/";
    public const string PathSuffix = "/invocations";

    /// <summary>The function name the raw path names, or null when it is not an Invoke path.</summary>
    public static string? NameOf(string rawPath)
    {
        if (!rawPath.StartsWith(PathPrefix, StringComparison.Ordinal) || !rawPath.EndsWith(PathSuffix, StringComparison.Ordinal)
            || rawPath.Length <= PathPrefix.Length + PathSuffix.Length)
            return null;
        var name = Uri.UnescapeDataString(rawPath[PathPrefix.Length..^PathSuffix.Length]);
        return name.Contains('/', StringComparison.Ordinal) ? null : name;
    }

    /// <summary>A function name out of <c>name</c>, <c>name:qualifier</c>, <c>arn:aws:lambda:region:account:function:name[:qualifier]</c>.</summary>
    public static string FunctionName(string name)
    {
        if (name.StartsWith("arn:", StringComparison.Ordinal))
        {
            var parts = name.Split(':');
            return parts.Length >= 7 && parts[5] == "function" ? parts[6] : name;
        }
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? name : name[..colon];
    }

    public async Task<HttpAnswer> InvokeAsync(string name, string? invocationType, byte[] payload, CancellationToken stop)
    {
        var functionName = FunctionName(name);
        var requestId = Guid.NewGuid().ToString();
        if (!functions.TryGetValue(functionName, out var function))
        {
            var message = $"Function not found: arn:aws:lambda:local:000000000000:function:{functionName}";
            return Error(404, "ResourceNotFoundException", message, requestId);
        }
        switch (invocationType ?? "RequestResponse")
        {
            case "DryRun":
                return new HttpAnswer(204, []).With("x-amzn-RequestId", requestId);
            case "Event":
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await function.InvokeAsync(payload, stop).ConfigureAwait(false);
                    }
                    catch (Exception e)
                    {
                        await errors.WriteLineAsync($"lambada serve: {function.Name} (Event invocation {requestId}) failed: {e}").ConfigureAwait(false);
                    }
                }, CancellationToken.None);
                return new HttpAnswer(202, []).With("x-amzn-RequestId", requestId);
            case "RequestResponse":
                break;
            default:
                return Error(400, "InvalidParameterValueException", $"X-Amz-Invocation-Type '{invocationType}' is not RequestResponse, Event or DryRun", requestId);
        }

        byte[] output;
        try
        {
            output = await function.InvokeAsync(payload, stop).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await errors.WriteLineAsync($"lambada serve: {function.Name} failed: {e}").ConfigureAwait(false);
            var error = e is HandlerNotFoundException ? FunctionError.Of("Runtime.NoSuchHandler", e.Message) : FunctionError.From(e).WellFormed();
            return HttpAnswer.Json(200, JsonSerializer.SerializeToUtf8Bytes(error, LambadaJsonContext.Default.FunctionError))
                .With("X-Amz-Function-Error", "Unhandled").With("X-Amz-Executed-Version", "$LATEST").With("x-amzn-RequestId", requestId);
        }
        return HttpAnswer.Json(200, output).With("X-Amz-Executed-Version", "$LATEST").With("x-amzn-RequestId", requestId);
    }

    private static HttpAnswer Error(int status, string type, string message, string requestId)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("Type", "User");
            json.WriteString("message", message);
            json.WriteEndObject();
        }
        return HttpAnswer.Json(status, buffer.ToArray()).With("x-amzn-ErrorType", type).With("x-amzn-RequestId", requestId);
    }
}
