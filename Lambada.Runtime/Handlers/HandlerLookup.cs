using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Lambada.Build.Model;

namespace Lambada.Runtime.Handlers;

/// <summary>
/// Finds the one method <c>LAMBADA_HANDLER</c> names, <c>Namespace.Type::Method</c>, by its type and name, without
/// reading the other types of the assembly: a cold start pays for one type, not for all of them.
/// </summary>
internal static class HandlerLookup
{
    public const string Separator = LambadaContract.HandlerSeparator;

    private const BindingFlags Methods = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    /// <exception cref="HandlerNotFoundException">The id is malformed, or names no <c>[LambadaFunction]</c> method.</exception>
    [RequiresUnreferencedCode(Trimming.Reason)]
    public static MethodInfo Find(Assembly assembly, string methodId)
    {
        var at = methodId.IndexOf(Separator, StringComparison.Ordinal);
        if (at < 0)
            throw new HandlerNotFoundException($"'{methodId}' is not a handler: expected Namespace.Type::Method");
        var type = at > 0 ? assembly.GetType(methodId[..at], throwOnError: false) : null;
        var name = methodId[(at + Separator.Length)..];
        if (type is not null)
        {
            foreach (var method in type.GetMethods(Methods))
            {
                if (method.Name == name && method.IsDefined(typeof(LambadaFunctionAttribute), inherit: false))
                    return method;
            }
        }
        // Only on the way to an init error: the full scan, to name the handlers there are.
        throw new HandlerNotFoundException($"No [LambadaFunction] method '{methodId}' in this assembly; it has: {new FunctionCatalog(assembly).Names()}");
    }

    public static string MethodId(MethodInfo method) => $"{method.DeclaringType!.FullName}{Separator}{method.Name}";
}
