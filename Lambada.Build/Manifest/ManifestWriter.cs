using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lambada.Build.Model;

namespace Lambada.Build.Manifest;

/// <summary>Reads and writes <c>functions.json</c>: camelCase, indented, nulls kept so every field is always present.</summary>
internal static class ManifestWriter
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string ToJson(FunctionsManifest manifest) => JsonSerializer.Serialize(manifest, JsonOptions);

    public static void Write(string path, FunctionsManifest manifest)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, ToJson(manifest) + "\n");
    }

    public static FunctionsManifest Read(string path) =>
        JsonSerializer.Deserialize<FunctionsManifest>(File.ReadAllText(path), JsonOptions)
        ?? throw new InvalidDataException($"{path} holds no manifest");
}
