using Lambada.Build.Model;

namespace Lambada.Build.Manifest;

/// <summary>Applies defaults and inference to the scanned functions, giving the final definitions.</summary>
internal static class ManifestBuilder
{
    public const string BootstrapHandler = "bootstrap";

    /// <summary>Builds the manifest; its functions are in the same order as <see cref="ScanResult.Functions"/>.</summary>
    public static FunctionsManifest Build(ScanResult scan, ProjectOptions project)
    {
        var defaults = FunctionDefaults.Resolve(scan.Defaults, project);
        var framework = TargetFrameworks.ShortName(scan.TargetFramework);
        var inferredRuntime = project.SelfContained ? RuntimeNames.ProvidedAl2023 : TargetFrameworks.ManagedRuntime(framework);
        return new FunctionsManifest
        {
            Assembly = scan.AssemblyName,
            TargetFramework = framework,
            Functions = scan.Functions.Select(f => Define(f, defaults, inferredRuntime, scan.AssemblyName)).ToArray(),
            HttpApiName = scan.Functions.Any(f => f.Routes.Count > 0) ? HttpApiName(project, scan.AssemblyName) : null,
        };
    }

    /// <summary><c>LambadaHttpApiName</c> (which defaults to the project's name), else the assembly's name.</summary>
    public static string HttpApiName(ProjectOptions project, string assemblyName) => FunctionDefaults.NonEmpty(project.HttpApiName) ?? assemblyName;

    private static FunctionDefinition Define(FunctionModel function, FunctionDefaults defaults, string? inferredRuntime, string assemblyName)
    {
        var s = function.Settings;
        var runtime = RuntimeNames.FromEnum(s.Runtime) ?? defaults.Runtime ?? inferredRuntime;
        return new FunctionDefinition
        {
            Name = FunctionDefaults.NonEmpty(s.Name) ?? function.MethodName,
            Method = function.MethodId,
            Handler = runtime == RuntimeNames.ProvidedAl2023 ? BootstrapHandler : assemblyName,
            MemorySize = FunctionDefaults.NonZero(s.MemorySize) ?? defaults.MemorySize,
            Timeout = FunctionDefaults.NonZero(s.Timeout) ?? defaults.Timeout,
            Role = FunctionDefaults.NonEmpty(s.Role) ?? defaults.Role,
            Description = s.Description ?? "",
            Runtime = runtime,
            Architecture = ArchitectureNames.FromEnum(s.Architecture) ?? defaults.Architecture,
            EphemeralStorage = FunctionDefaults.NonZero(s.EphemeralStorage) ?? defaults.EphemeralStorage,
            ReservedConcurrency = FunctionDefaults.NonZero(s.ReservedConcurrency),
            Environment = ToMap(function.Environment),
            Tags = ToMap(function.Tags),
            Alias = FunctionDefaults.NonEmpty(s.Alias),
            Url = function.Url,
            Routes = function.Routes,
            Source = function.Location,
        };
    }

    // Duplicate keys are reported by validation; the manifest keeps the last, as the attribute order reads.
    private static Dictionary<string, string> ToMap(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
            map[key] = value;
        return map;
    }
}
