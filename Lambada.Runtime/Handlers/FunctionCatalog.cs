using System.Reflection;

namespace Lambada.Runtime.Handlers;

/// <summary>The <c>[LambadaFunction]</c> methods of an assembly, by function name and by <c>Namespace.Type::Method</c>.</summary>
internal sealed class FunctionCatalog
{
    private const string Separator = "::";

    public FunctionCatalog(Assembly assembly)
    {
        Functions = assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LambadaFunctionAttribute>()))
            .Where(f => f.Attribute is not null)
            .Select(f => new CatalogEntry(string.IsNullOrEmpty(f.Attribute!.Name) ? f.Method.Name : f.Attribute.Name, MethodId(f.Method), f.Method))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToArray();
    }

    public IReadOnlyList<CatalogEntry> Functions { get; }

    /// <summary>Finds a function by its <c>Namespace.Type::Method</c> id.</summary>
    public CatalogEntry ByMethodId(string methodId)
    {
        if (!methodId.Contains(Separator, StringComparison.Ordinal))
            throw new HandlerNotFoundException($"'{methodId}' is not a handler: expected Namespace.Type::Method");
        return Functions.FirstOrDefault(f => f.MethodId == methodId)
            ?? throw new HandlerNotFoundException($"No [LambadaFunction] method '{methodId}' in this assembly; it has: {Names()}");
    }

    /// <summary>Finds a function by its name, or by its method id.</summary>
    public CatalogEntry ByName(string name) =>
        Functions.FirstOrDefault(f => f.Name == name) ?? Functions.FirstOrDefault(f => f.MethodId == name)
        ?? throw new HandlerNotFoundException($"No function named '{name}'; this assembly has: {Names()}");

    private string Names() => Functions.Count == 0 ? "none" : string.Join(", ", Functions.Select(f => f.Name));

    public static string MethodId(MethodInfo method) => $"{method.DeclaringType!.FullName}{Separator}{method.Name}";
}

internal sealed record CatalogEntry(string Name, string MethodId, MethodInfo Method);
