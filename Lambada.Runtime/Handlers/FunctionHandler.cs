using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Lambada.Runtime.Http;

namespace Lambada.Runtime.Handlers;

/// <summary>
/// One handler method made callable as bytes in → bytes out. The declaring type is created once (as
/// Lambda reuses one instance per sandbox); arguments are bound by kind: the event, the context, the token.
/// An HTTP function (<c>[LambadaUrl]</c> or <c>[LambadaHttp]</c>) given a payload-v2 event is bound and answered as HTTP
/// (<see cref="HttpInvocation"/>); given any other payload it is bound as above when its signature is a plain handler's
/// (so a direct Invoke keeps working), and refused otherwise.
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
    private readonly HttpInvocation? _http;
    private readonly bool _plain;

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
        // What a handler without a trigger may take: at most two parameters, at most one of them the event.
        _plain = declared.Length <= 2 && _parameters.Count(p => p is ParameterKind.Event or ParameterKind.StreamEvent) <= 1;
        _http = HttpInvocation.IsHttpFunction(_method) ? new HttpInvocation(_method, Call) : null;
        _instance = _method.IsStatic ? null : CreateInstance(_method.DeclaringType!);
    }

    /// <summary>Whether the method is an HTTP function (payload-v2 events are bound and answered as HTTP).</summary>
    public bool IsHttp => _http is not null;

    /// <summary>Runs the handler. An exception of the handler propagates as itself; a bad event as <see cref="JsonException"/>.</summary>
    /// <returns>The serialized result; empty for void and Task.</returns>
    public Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, ILambadaContext context, CancellationToken cancellation)
    {
        if (_http is not null)
        {
            if (HttpEventDetector.IsHttpEvent(payload.Span))
                return _http.InvokeAsync(payload, context, cancellation);
            if (!_plain)
                throw new JsonException(NotAnHttpEvent());
        }
        var returned = Call(Arguments(payload, context, cancellation));
        // A synchronous handler with a JSON result needs no state machine: a cold start JITs none.
        return _awaitable || returned is Stream
            ? CompleteAsync(returned, cancellation)
            : Task.FromResult(Serialize(returned));
    }

    private string NotAnHttpEvent() =>
        $"{HandlerLookup.MethodId(_method)} is an HTTP function whose parameters ({string.Join(", ", _http!.Parameters.Select(p => p.Name))}) "
        + "are bound from an HTTP request, and this payload is not an HTTP event (payload format 2.0: a JSON object with "
        + "\"version\":\"2.0\" and requestContext.http); call it through its URL or route, or invoke it with such an event";

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
