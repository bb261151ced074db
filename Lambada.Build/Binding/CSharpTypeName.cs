using Mono.Cecil;

namespace Lambada.Build.Binding;

/// <summary>
/// A type as C# source names it (<c>global::Ns.Outer&lt;global::System.String&gt;.Inner</c>), or null for what a
/// handler signature cannot hold anyway: pointers, by-refs, generic parameters. A public handler's signature only
/// has types public C# code can name, so no accessibility check is needed.
/// </summary>
public static class CSharpTypeName
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
        // Outermost first: Outer`1/Inner`1<A, B> is Outer<A>.Inner<B>, each level taking its own arity from the list.
        var levels = new List<TypeReference>();
        for (var t = type; t is not null; t = t.DeclaringType)
            levels.Insert(0, t);

        var parts = new List<string>();
        var used = 0;
        foreach (var level in levels)
        {
            var tick = level.Name.IndexOf('`');
            var name = tick < 0 ? level.Name : level.Name[..tick];
            var arity = tick < 0 ? 0 : int.Parse(level.Name[(tick + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            if (arity > 0)
            {
                var names = arguments.Skip(used).Take(arity).Select(Of).ToArray();
                if (names.Length < arity || names.Any(n => n is null))
                    return null;
                used += arity;
                name += $"<{string.Join(", ", names)}>";
            }
            parts.Add(name);
        }
        var space = levels[0].Namespace;
        return "global::" + (space.Length > 0 ? space + "." : "") + string.Join(".", parts);
    }
}
