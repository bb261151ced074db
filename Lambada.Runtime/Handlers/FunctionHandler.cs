using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;

namespace Lambada.Runtime.Handlers;

/// <summary>
/// One handler method made callable as bytes in → bytes out. The declaring type is created once (as
/// Lambda reuses one instance per sandbox); arguments are bound by kind: the event, the context, the token.
/// </summary>
[RequiresUnreferencedCode(Trimming.Reason), RequiresDynamicCode(Trimming.Reason)]
internal sealed class FunctionHandler
{
    private readonly MethodInfo _method;
    private readonly object? _instance;
    private readonly ParameterKind[] _parameters;
    private readonly Type? _eventType;
    private readonly Type? _resultType;
    private readonly bool _awaitable;

    public FunctionHandler(MethodInfo method)
    {
        _method = method;
        var declared = _method.GetParameters();
        _parameters = new ParameterKind[declared.Length];
        for (var i = 0; i < declared.Length; i++)
        {
            _parameters[i] = Classify(declared[i].ParameterType);
            if (_parameters[i] == ParameterKind.Event)
                _eventType ??= declared[i].ParameterType;
        }
        _resultType = ResultTypes.Of(_method.ReturnType);
        _awaitable = ResultTypes.IsAwaitable(_method.ReturnType);
        _instance = _method.IsStatic ? null : CreateInstance(_method.DeclaringType!);
    }

    /// <summary>Runs the handler. An exception of the handler propagates as itself; a bad event as <see cref="JsonException"/>.</summary>
    /// <returns>The serialized result; empty for void and Task.</returns>
    public Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, ILambadaContext context, CancellationToken cancellation)
    {
        var returned = Call(Arguments(payload, context, cancellation));
        // A synchronous handler with a JSON result needs no state machine: a cold start JITs none.
        return _awaitable || returned is Stream
            ? CompleteAsync(returned, cancellation)
            : Task.FromResult(Serialize(returned));
    }

    private object?[] Arguments(ReadOnlyMemory<byte> payload, ILambadaContext context, CancellationToken cancellation)
    {
        var arguments = new object?[_parameters.Length];
        for (var i = 0; i < _parameters.Length; i++)
        {
            arguments[i] = _parameters[i] switch
            {
                ParameterKind.Event => payload.IsEmpty ? null : JsonSerializer.Deserialize(payload.Span, _eventType!, LambadaJson.Options),
                ParameterKind.StreamEvent => new MemoryStream(payload.ToArray(), writable: false),
                ParameterKind.Context => context,
                _ => cancellation,
            };
        }
        return arguments;
    }

    private object? Call(object?[] arguments)
    {
        try
        {
            return _method.Invoke(_instance, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    private async Task<byte[]> CompleteAsync(object? returned, CancellationToken cancellation)
    {
        var result = _awaitable ? await ResultTypes.AwaitAsync(returned, _method.ReturnType).ConfigureAwait(false) : returned;
        if (_resultType is not null && result is Stream stream)
        {
            await using (stream.ConfigureAwait(false))
            {
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, cancellation).ConfigureAwait(false);
                return buffer.ToArray();
            }
        }
        return Serialize(result);
    }

    private byte[] Serialize(object? result) =>
        _resultType is null ? [] : JsonSerializer.SerializeToUtf8Bytes(result, _resultType, LambadaJson.Options);

    private static ParameterKind Classify(Type type) =>
        type == typeof(ILambadaContext) ? ParameterKind.Context
        : type == typeof(CancellationToken) ? ParameterKind.Cancellation
        : type == typeof(Stream) ? ParameterKind.StreamEvent
        : ParameterKind.Event;

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
