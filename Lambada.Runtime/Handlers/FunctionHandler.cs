using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;

namespace Lambada.Runtime.Handlers;

/// <summary>
/// One handler method made callable as bytes in → bytes out. The declaring type is created once (as
/// Lambda reuses one instance per sandbox); arguments are bound by kind: the event, the context, the token.
/// </summary>
internal sealed class FunctionHandler
{
    private readonly MethodInfo method;
    private readonly object? instance;
    private readonly ParameterKind[] parameters;
    private readonly Type? eventType;
    private readonly Type? resultType;

    public FunctionHandler(MethodInfo method)
    {
        this.method = method;
        parameters = method.GetParameters().Select(Classify).ToArray();
        eventType = method.GetParameters().Zip(parameters).FirstOrDefault(p => p.Second == ParameterKind.Event).First?.ParameterType;
        resultType = ResultTypes.Of(method.ReturnType);
        instance = method.IsStatic ? null : CreateInstance(method.DeclaringType!);
    }

    /// <summary>Runs the handler. An exception of the handler propagates as itself; a bad event as <see cref="JsonException"/>.</summary>
    /// <returns>The serialized result; empty for void and Task.</returns>
    public async Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, ILambadaContext context, CancellationToken cancellation)
    {
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = parameters[i] switch
            {
                ParameterKind.Event => payload.IsEmpty ? null : JsonSerializer.Deserialize(payload.Span, eventType!, LambadaJson.Options),
                ParameterKind.StreamEvent => new MemoryStream(payload.ToArray(), writable: false),
                ParameterKind.Context => context,
                _ => cancellation,
            };
        }

        object? returned;
        try
        {
            returned = method.Invoke(instance, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }

        var result = await ResultTypes.AwaitAsync(returned).ConfigureAwait(false);
        return await SerializeAsync(result, cancellation).ConfigureAwait(false);
    }

    private async Task<byte[]> SerializeAsync(object? result, CancellationToken cancellation)
    {
        if (resultType is null)
            return [];
        if (result is Stream stream)
        {
            await using (stream.ConfigureAwait(false))
            {
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, cancellation).ConfigureAwait(false);
                return buffer.ToArray();
            }
        }
        return JsonSerializer.SerializeToUtf8Bytes(result, resultType, LambadaJson.Options);
    }

    private static ParameterKind Classify(ParameterInfo parameter) => parameter.ParameterType switch
    {
        var t when t == typeof(ILambadaContext) => ParameterKind.Context,
        var t when t == typeof(CancellationToken) => ParameterKind.Cancellation,
        var t when t == typeof(Stream) => ParameterKind.StreamEvent,
        _ => ParameterKind.Event,
    };

    private static object CreateInstance(Type type)
    {
        try
        {
            return Activator.CreateInstance(type)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
