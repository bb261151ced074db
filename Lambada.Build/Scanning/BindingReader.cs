using System.Diagnostics.CodeAnalysis;
using Lambada.Build.Model;
using Mono.Cecil;

namespace Lambada.Build.Scanning;

/// <summary>
/// Reads a handler's <see cref="FunctionBinding"/> from its Cecil definition: which of its types are JSON, which are
/// plumbing, and what the runtime reflects on (<c>FunctionHandler</c>, <c>ResultTypes</c>) so it must be kept.
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
    };

    public static FunctionBinding Read(MethodDefinition method)
    {
        var awaitable = method.ReturnType is GenericInstanceType g && g.ElementType.FullName is TaskOfValue or ValueTaskOfValue ? g : null;
        var result = awaitable?.GenericArguments[0] ?? method.ReturnType;

        return new FunctionBinding
        {
            KeptTypes = Kept(method, awaitable).ToArray(),
            JsonTypes = method.Parameters.Select(p => p.ParameterType).Take(1).Append(result)
                .Where(t => !NotJson.Contains(t.FullName))
                .Select(CSharpTypeName.Of).OfType<string>().Distinct().ToArray(),
        };
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
