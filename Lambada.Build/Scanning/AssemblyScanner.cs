using Lambada.Build.Diagnostics;
using Lambada.Build.Model;
using Mono.Cecil;

namespace Lambada.Build.Scanning;

/// <summary>
/// The Scan stage: reads a compiled assembly with Mono.Cecil — in memory, never loading it — and
/// returns every <c>[LambadaFunction]</c> method with its settings, shape and source location.
/// </summary>
internal static class AssemblyScanner
{
    public static ScanResult Scan(string assemblyPath, ScanOptions? options = null)
    {
        options ??= ScanOptions.Default;
        var fullPath = Path.GetFullPath(assemblyPath);
        using var resolver = new ReferenceResolver(Path.GetDirectoryName(fullPath)!, options.ReferencePaths);

        ModuleDefinition module;
        try
        {
            module = ModuleDefinition.ReadModule(fullPath, new ReaderParameters { InMemory = true, AssemblyResolver = resolver });
        }
        catch (Exception e) when (e is BadImageFormatException or IOException or UnauthorizedAccessException)
        {
            return new ScanResult
            {
                AssemblyName = Path.GetFileNameWithoutExtension(fullPath),
                Defaults = AssemblyDefaults.None,
                Functions = [],
                Diagnostics = [DiagnosticCatalogue.UnreadableAssembly.Create(null, fullPath, e.Message)],
            };
        }

        using (module)
        {
            using var symbols = PdbSymbols.TryLoad(fullPath);
            var locator = new SourceLocator(options.SourceRoots, symbols);
            var diagnostics = new List<Diagnostic>();
            var functions = new List<FunctionModel>();
            foreach (var type in module.GetTypes())
            {
                if (!type.HasMethods)
                    continue;
                foreach (var method in type.Methods)
                {
                    var function = ReadFunction(method, locator, diagnostics);
                    if (function is not null)
                        functions.Add(function);
                }
            }

            return new ScanResult
            {
                AssemblyName = module.Assembly.Name.Name,
                TargetFramework = FindAttribute(module.Assembly.CustomAttributes, AttributeNames.TargetFramework)?.ConstructorArguments[0].Value as string,
                Defaults = ReadDefaults(module, diagnostics),
                Functions = functions,
                Diagnostics = diagnostics,
            };
        }
    }

    private static FunctionModel? ReadFunction(MethodDefinition method, SourceLocator locator, List<Diagnostic> diagnostics)
    {
        if (!method.HasCustomAttributes)
            return null;
        var attribute = FindAttribute(method.CustomAttributes, AttributeNames.Function);
        if (attribute is null)
        {
            if (method.CustomAttributes.FirstOrDefault(a => AttributeNames.Is(a, AttributeNames.Url) || AttributeNames.Is(a, AttributeNames.Http)) is { } trigger)
                diagnostics.Add(DiagnosticCatalogue.TriggerWithoutFunction.Create(locator.Locate(method),
                    $"{ReflectionName(method.DeclaringType)}::{method.Name}", trigger.AttributeType.Name[..^"Attribute".Length]));
            return null;
        }

        var location = locator.Locate(method);
        var methodId = $"{ReflectionName(method.DeclaringType)}::{method.Name}";
        var companions = method.CustomAttributes
            .Where(a => AttributeNames.Is(a, AttributeNames.Environment) || AttributeNames.Is(a, AttributeNames.Tag)
                || AttributeNames.Is(a, AttributeNames.Url) || AttributeNames.Is(a, AttributeNames.Http))
            .ToArray();
        var unreadable = companions.Prepend(attribute).FirstOrDefault(a => !Decodes(a));
        if (unreadable is not null)
        {
            diagnostics.Add(DiagnosticCatalogue.UnresolvedAttribute.Create(location, unreadable.AttributeType.Name, methodId,
                "an argument's type could not be resolved from the project's references"));
            return null;
        }

        return new FunctionModel
        {
            TypeName = ReflectionName(method.DeclaringType),
            MethodName = method.Name,
            Settings = AttributeReader.ReadFunction(attribute),
            Environment = PairsOf(companions, AttributeNames.Environment),
            Tags = PairsOf(companions, AttributeNames.Tag),
            Url = companions.Where(a => AttributeNames.Is(a, AttributeNames.Url)).Select(AttributeReader.ReadUrl).FirstOrDefault(),
            Routes = companions.Where(a => AttributeNames.Is(a, AttributeNames.Http)).Select(AttributeReader.ReadRoute).ToArray(),
            Shape = HandlerShapeReader.Read(method),
            Binding = BindingReader.Read(method, isHttp: companions.Any(a => AttributeNames.Is(a, AttributeNames.Url) || AttributeNames.Is(a, AttributeNames.Http))),
            Location = location,
        };
    }

    private static AssemblyDefaults ReadDefaults(ModuleDefinition module, List<Diagnostic> diagnostics)
    {
        var attribute = FindAttribute(module.Assembly.CustomAttributes, AttributeNames.Defaults);
        if (attribute is null)
            return AssemblyDefaults.None;
        if (Decodes(attribute))
            return AttributeReader.ReadDefaults(attribute);
        diagnostics.Add(DiagnosticCatalogue.UnresolvedAttribute.Create(null, attribute.AttributeType.Name, module.Assembly.Name.Name,
            "an argument's type could not be resolved from the project's references"));
        return AssemblyDefaults.None;
    }

    private static KeyValuePair<string, string>[] PairsOf(IEnumerable<CustomAttribute> attributes, string fullName) =>
        attributes.Where(a => AttributeNames.Is(a, fullName)).Select(AttributeReader.ReadPair).ToArray();

    private static CustomAttribute? FindAttribute(IEnumerable<CustomAttribute> attributes, string fullName) =>
        attributes.FirstOrDefault(a => AttributeNames.Is(a, fullName));


    // Cecil decodes the blob lazily; an enum whose assembly cannot be found either throws or leaves the
    // attribute unresolved and silently empty.
    private static bool Decodes(CustomAttribute attribute)
    {
        try
        {
            _ = attribute.HasConstructorArguments; // forces the decode
            return attribute.IsResolved;
        }
        catch (AssemblyResolutionException)
        {
            return false;
        }
    }

    /// <summary><c>Ns.Outer+Inner</c>, the form <c>Type.GetType</c> understands.</summary>
    public static string ReflectionName(TypeDefinition type) =>
        type.DeclaringType is null ? type.FullName : $"{ReflectionName(type.DeclaringType)}+{type.Name}";
}
