using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using Lambada.Runtime.Handlers;

namespace Lambada.Runtime.Http;

/// <summary>
/// One HTTP function (a method with <c>[LambadaUrl]</c> or <c>[LambadaHttp]</c>) called with a payload-v2 event: its
/// parameters bound (<see cref="HttpParameterBinder"/>), its result written as the payload-v2 answer
/// (<see cref="HttpResultWriter"/>). A binding failure answers 400 with what was wrong; an exception of the handler answers
/// 500 <c>{"message":"Internal Server Error"}</c>, with the exception and its stack trace in the function's log, never in the body.
/// </summary>
[RequiresUnreferencedCode(Trimming.Reason), RequiresDynamicCode(Trimming.Reason)]
internal sealed class HttpInvocation
{
    private readonly string _methodId;
    private readonly HttpParameterBinder _binder;
    private readonly Func<object?[], object?> _call;
    private readonly Type _returnType;
    private readonly Type? _resultType;
    private readonly bool _awaitable;

    /// <param name="call">Calls the method with its arguments; an exception of the method comes out as itself.</param>
    public HttpInvocation(MethodInfo method, Func<object?[], object?> call)
    {
        _methodId = HandlerLookup.MethodId(method);
        _binder = new HttpParameterBinder(method);
        _call = call;
        _returnType = method.ReturnType;
        _resultType = ResultTypes.Of(_returnType);
        _awaitable = ResultTypes.IsAwaitable(_returnType);
    }

    /// <summary>Whether <paramref name="method"/> is an HTTP function: it has a function URL or at least one route.</summary>
    public static bool IsHttpFunction(MethodInfo method) =>
        method.IsDefined(typeof(LambadaUrlAttribute), inherit: false) || method.IsDefined(typeof(LambadaHttpAttribute), inherit: false);

    public IReadOnlyList<HttpParameter> Parameters => _binder.Parameters;

    /// <summary>Reads <paramref name="payload"/> (a payload-v2 event) and answers it; the answer is always a payload-v2 response.</summary>
    /// <exception cref="JsonException">The payload is not an HTTP event the runtime can read.</exception>
    public Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, ILambadaContext context, CancellationToken cancellation)
    {
        var request = HttpRequestReader.Read(payload.Span);
        object? returned;
        try
        {
            returned = _call(_binder.Bind(request, context, cancellation));
            // A synchronous handler needs no state machine: a cold start JITs none.
            if (!_awaitable && returned is not Stream)
                return Task.FromResult(HttpResultWriter.Serialize(HttpResultWriter.FromResult(returned, _resultType)));
        }
        catch (HttpBindingException e)
        {
            return Task.FromResult(HttpResultWriter.Serialize(BadRequest(e, context)));
        }
        catch (Exception e)
        {
            return Task.FromResult(HttpResultWriter.Serialize(Failed(e, context)));
        }
        return CompleteAsync(returned, context, cancellation);
    }

    private async Task<byte[]> CompleteAsync(object? returned, ILambadaContext context, CancellationToken cancellation)
    {
        LambadaHttpResponse response;
        try
        {
            var result = _awaitable ? await ResultTypes.AwaitAsync(returned, _returnType).ConfigureAwait(false) : returned;
            if (result is Stream stream)
            {
                await using (stream.ConfigureAwait(false))
                {
                    using var buffer = new MemoryStream();
                    await stream.CopyToAsync(buffer, cancellation).ConfigureAwait(false);
                    response = HttpResultWriter.FromBytes(buffer.ToArray());
                }
            }
            else
            {
                response = HttpResultWriter.FromResult(result, _resultType);
            }
        }
        catch (Exception e)
        {
            response = Failed(e, context);
        }
        return HttpResultWriter.Serialize(response);
    }

    private LambadaHttpResponse BadRequest(HttpBindingException e, ILambadaContext context)
    {
        context.Logger.Log($"{_methodId}: 400 Bad Request: {e.Message}");
        return HttpResultWriter.BadRequest(e.Message);
    }

    private LambadaHttpResponse Failed(Exception e, ILambadaContext context)
    {
        // The caller learns only that it failed; the log (CloudWatch in Lambda, stderr locally) has what and where.
        context.Logger.Log($"{_methodId}: 500 Internal Server Error: unhandled exception {e}");
        return HttpResultWriter.InternalServerError();
    }
}
