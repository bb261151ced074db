using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lambada.Build.Model;

namespace Lambada.Runtime.Local;

/// <summary>
/// The part of the build's manifest a local run needs: each function's memory size and timeout as the build resolved
/// them (attribute, MSBuild property, <c>[LambadaDefaults]</c>, built-in), which is what a deploy sets. The build copies
/// the manifest beside the assembly as <c>&lt;AssemblyName&gt;.lambada.json</c>.
/// </summary>
internal sealed class LocalManifest
{
    public IReadOnlyList<LocalManifestFunction> Functions { get; init; } = [];

    public LocalManifestFunction? Function(string name) => Functions.FirstOrDefault(f => f.Name == name);

    /// <summary>
    /// The manifest of <paramref name="assembly"/> in <paramref name="directory"/>; null when there is none (a project
    /// without Lambada.Build, or a package, where Lambda itself says the memory and deadline) or it cannot be read (said on <paramref name="errors"/>).
    /// </summary>
    public static LocalManifest? Find(string directory, Assembly assembly, TextWriter errors)
    {
        var path = Path.Combine(directory, assembly.GetName().Name + LambadaContract.LocalManifestSuffix);
        if (!File.Exists(path))
            return null;
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), LocalManifestJson.Default.LocalManifest);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"lambada: {path} could not be read ({e.Message}); the context reports the attribute's memory size and timeout, or Lambada's built-in ones");
            return null;
        }
    }
}

internal sealed class LocalManifestFunction
{
    public string Name { get; init; } = "";
    public int MemorySize { get; init; }
    public int Timeout { get; init; }
}

/// <summary>Source-generated: the host stays trim- and Native-AOT-safe.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LocalManifest))]
internal sealed partial class LocalManifestJson : JsonSerializerContext;
