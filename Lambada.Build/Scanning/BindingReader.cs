using System.Diagnostics.CodeAnalysis;
using Lambada.Build.Model;
using Mono.Cecil;

namespace Lambada.Build.Scanning;

/// <summary>
/// Reads a handler's <see cref="FunctionBinding"/> from its Cecil definition: which of its types are JSON, which are
/// plumbing, and what the runtime reflects on (<c>FunctionHandler</c>, <c>ResultTypes</c>) so it must be kept.
/// An HTTP function's JSON types are its body parameter and its result: the runtime reads the payload-v2 request, writes the
/// response and parses route and query values itself. When its signature is also a plain handler's (it may be invoked
/// directly with a payload that is not an HTTP event), its first parameter is JSON as for any function.
/// </summary>
internal static class BindingReader
{
    private const DynamicallyAccessedMemberTypes HandlerMembers = DynamicallyAccessedMemberTypes.PublicMethods;
    private const DynamicallyAccessedMemberTypes InstanceHandlerMembers = HandlerMembers | DynamicallyAccessedMemberTypes.PublicParameterlessConstructor;
    private const DynamicallyAccessedMemberTypes AwaitableMembers = DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.PublicProperties;
    private const string TaskOfValue = "System.Threading.Tasks.Task`1";
    private const string ValueTaskOfValue = "System.Threading.Tasks.ValueTask`1";

    private static readonly HashSet<string> NotJson = new(StringComparer.Ordinal)
    {
        HandlerShape.ContextType, HandlerShape.CancellationTokenType, "System.IO.Stream", "System.Void",
        "System.Threading.Tasks.Task", "System.Threading.Tasks.ValueTask",
        HttpParameterKinds.RequestType, HttpParameterKinds.ResponseType,
    };

    /// <param name="isHttp">The method has <c>[LambadaUrl]</c> or <c>[LambadaHttp]</c>.</param>
    public static FunctionBinding Read(MethodDefinition method, bool isHttp = false)
    {
        var awaitable = method.ReturnType is GenericInstanceType g && g.ElementType.FullName is TaskOfValue or ValueTaskOfValue ? g : null;
        var result = awaitable?.GenericArguments[0] ?? method.ReturnType;

        return new FunctionBinding
        {
            KeptTypes = Kept(method, awaitable).ToArray(),
            JsonTypes = (isHttp ? HttpJsonTypes(method, result) : method.Parameters.Select(p => p.ParameterType).Take(1).Append(result))
                .Where(t => !NotJson.Contains(t.FullName))
                .Select(CSharpTypeName.Of).OfType<string>().Distinct().ToArray(),
        };
    }

    private static IEnumerable<TypeReference> HttpJsonTypes(MethodDefinition method, TypeReference result)
    {
        var parameters = method.Parameters.Select(p => p.ParameterType).ToArray();
        var body = parameters.Where(p => HttpParameterKinds.Of(SignatureTypeReader.Read(p)) == HttpParameterKind.Body);
        var plain = parameters.Length <= 2 && parameters.Skip(1).All(p => p.FullName is HandlerShape.ContextType or HandlerShape.CancellationTokenType);
        if (plain)
            return parameters.Take(1).Concat(body).Append(result);
        // A string result is answered as text/plain; every other value (numbers and enums too) as JSON.
        return result.FullName == "System.String" ? body : body.Append(result);
    }

    private static IEnumerable<KeptType> Kept(MethodDefinition method, GenericInstanceType? awaitable)
    {
        if (CSharpTypeName.Of(method.DeclaringType) is { } handler)
            yield return new KeptType(handler, method.IsStatic ? HandlerMembers : InstanceHandlerMembers);
        if (awaitable is null || CSharpTypeName.Of(awaitable.GenericArguments[0]) is not { } value)
            yield break;
        // The runtime reads Task<T>.Result; a ValueTask<T> it first turns into that Task<T> with AsTask().
        yield return new KeptType($"global::System.Threading.Tasks.Task<{value}>", AwaitableMembers);
        if (awaitable.ElementType.FullName == ValueTaskOfValue)
            yield return new KeptType($"global::System.Threading.Tasks.ValueTask<{value}>", AwaitableMembers);
    }
}
