using System.Globalization;
using Mono.Cecil;

namespace Lambada.Build.Scanning;

/// <summary>
/// A possibly nested generic type's name with its arguments: <c>Outer`1/Inner`1</c> with [A, B] is
/// <c>Outer&lt;A&gt;.Inner&lt;B&gt;</c>, each level, outermost first, taking its own arity from the list.
/// </summary>
internal static class NestedGenericName
{
    /// <returns>The name without namespace, or null when an argument some level needs is missing or has no name.</returns>
    public static string? Compose(TypeReference type, IReadOnlyList<string?> arguments)
    {
        var levels = new List<TypeReference>();
        for (var t = type; t is not null; t = t.DeclaringType)
            levels.Insert(0, t);

        var parts = new List<string>();
        var used = 0;
        foreach (var level in levels)
        {
            var tick = level.Name.IndexOf('`');
            var name = tick < 0 ? level.Name : level.Name[..tick];
            var arity = tick >= 0 && int.TryParse(level.Name[(tick + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            if (arity > 0)
            {
                var names = arguments.Skip(used).Take(arity).ToArray();
                if (names.Length < arity || names.Any(a => a is null))
                    return null;
                used += arity;
                name += $"<{string.Join(", ", names)}>";
            }
            parts.Add(name);
        }
        return string.Join(".", parts);
    }

    /// <summary>The namespace of the outermost type that declares <paramref name="type"/>.</summary>
    public static string Namespace(TypeReference type)
    {
        var outermost = type;
        while (outermost.DeclaringType is { } declaring)
            outermost = declaring;
        return outermost.Namespace;
    }
}
