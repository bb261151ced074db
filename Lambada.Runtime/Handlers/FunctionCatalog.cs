using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Lambada.Runtime.Handlers;

/// <summary>
/// Every <c>[LambadaFunction]</c> method of an assembly, by function name, with its HTTP triggers (<c>[LambadaHttp]</c>
/// routes, <c>[LambadaUrl]</c>): for listing, invoking and serving functions locally. Serving one handler inside Lambda
/// does not need it (<see cref="HandlerLookup"/>).
/// </summary>
internal sealed class FunctionCatalog
{
    private const BindingFlags Methods = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    [RequiresUnreferencedCode(Trimming.Reason)]
    public FunctionCatalog(Assembly assembly)
        : this(assembly.GetTypes())
    {
    }

    /// <summary>The functions of <paramref name="types"/> only (tests serve a few handler types of a larger assembly).</summary>
    [RequiresUnreferencedCode(Trimming.Reason)]
    public FunctionCatalog(IEnumerable<Type> types)
    {
        Functions = types
            .SelectMany(t => t.GetMethods(Methods))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LambadaFunctionAttribute>()))
            .Where(f => f.Attribute is not null)
            .Select(f => new CatalogEntry(string.IsNullOrEmpty(f.Attribute!.Name) ? f.Method.Name : f.Attribute.Name, HandlerLookup.MethodId(f.Method), f.Method)
            {
                Routes = [.. f.Method.GetCustomAttributes<LambadaHttpAttribute>().Select(a => a.Route)],
                Url = f.Method.GetCustomAttribute<LambadaUrlAttribute>(),
            })
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToArray();
    }

    public IReadOnlyList<CatalogEntry> Functions { get; }

    /// <summary>Finds a function by its name, or by its method id.</summary>
    public CatalogEntry ByName(string name) =>
        Find(name) ?? throw new HandlerNotFoundException($"No function named '{name}'; this assembly has: {Names()}");

    /// <summary>The function named <paramref name="name"/> (or with that method id); null when there is none.</summary>
    public CatalogEntry? Find(string name) =>
        Functions.FirstOrDefault(f => f.Name == name) ?? Functions.FirstOrDefault(f => f.MethodId == name);

    public string Names() => Functions.Count == 0 ? "none" : string.Join(", ", Functions.Select(f => f.Name));
}

/// <summary>A function: its name, its method, and its HTTP triggers as the attributes declare them.</summary>
internal sealed record CatalogEntry(string Name, string MethodId, MethodInfo Method)
{
    /// <summary>The <c>[LambadaHttp]</c> route keys, as written (<c>GET /orders/{id}</c>, <c>$default</c>).</summary>
    public IReadOnlyList<string> Routes { get; init; } = [];

    /// <summary>The <c>[LambadaUrl]</c> attribute; null when the function has no URL.</summary>
    public LambadaUrlAttribute? Url { get; init; }
}
