using Mono.Cecil;

namespace Lambada.Build.Scanning;

/// <summary>
/// A type as C# source names it (<c>global::Ns.Outer&lt;global::System.String&gt;.Inner</c>), or null for what a
/// handler signature cannot hold anyway: pointers, by-refs, generic parameters. A public handler's signature only
/// has types public C# code can name, so no accessibility check is needed.
/// </summary>
internal static class CSharpTypeName
{
    public static string? Of(TypeReference type) => type switch
    {
        ArrayType array => Of(array.ElementType) is { } element ? $"{element}[{new string(',', array.Rank - 1)}]" : null,
        GenericInstanceType generic => Named(generic.ElementType, generic.GenericArguments),
        TypeSpecification or GenericParameter => null,
        _ => Named(type, []),
    };

    private static string? Named(TypeReference type, IList<TypeReference> arguments)
    {
        if (NestedGenericName.Compose(type, arguments.Select(Of).ToList()) is not { } name)
            return null;
        var space = NestedGenericName.Namespace(type);
        return "global::" + (space.Length > 0 ? space + "." : "") + name;
    }
}
