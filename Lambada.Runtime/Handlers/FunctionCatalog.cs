using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Lambada.Runtime.Handlers;

/// <summary>
/// Every <c>[LambadaFunction]</c> method of an assembly, by function name: for listing and invoking functions
/// locally. Serving one handler inside Lambda does not need it (<see cref="HandlerLookup"/>).
/// </summary>
internal sealed class FunctionCatalog
{
    [RequiresUnreferencedCode(Trimming.Reason)]
    public FunctionCatalog(Assembly assembly)
    {
        Functions = assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LambadaFunctionAttribute>()))
            .Where(f => f.Attribute is not null)
            .Select(f => new CatalogEntry(string.IsNullOrEmpty(f.Attribute!.Name) ? f.Method.Name : f.Attribute.Name, HandlerLookup.MethodId(f.Method), f.Method))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToArray();
    }

    public IReadOnlyList<CatalogEntry> Functions { get; }

    /// <summary>Finds a function by its name, or by its method id.</summary>
    public CatalogEntry ByName(string name) =>
        Functions.FirstOrDefault(f => f.Name == name) ?? Functions.FirstOrDefault(f => f.MethodId == name)
        ?? throw new HandlerNotFoundException($"No function named '{name}'; this assembly has: {Names()}");

    public string Names() => Functions.Count == 0 ? "none" : string.Join(", ", Functions.Select(f => f.Name));
}

internal sealed record CatalogEntry(string Name, string MethodId, MethodInfo Method);
