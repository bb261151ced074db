using System.Text.Json;

namespace Lambada.Build.Deployment;

/// <summary>
/// The names of the functions the last deploy from this project directory left in a region, kept next to the package
/// (<c>obj/…/lambada/&lt;Assembly&gt;.deployed.&lt;region&gt;.json</c>). A deploy that reads its functions one by one
/// never sees the rest of the region, so this is how it knows which functions lost their attribute. Only a hint: a
/// missing or unreadable record means "nothing known", and every name in it is confirmed with AWS before it is shown.
/// </summary>
internal static class DeployRecord
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string PathFor(string packagePath, string region) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(packagePath))!, $"{Path.GetFileNameWithoutExtension(packagePath)}.deployed.{region}.json");

    public static IReadOnlyList<string> Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<Content>(File.ReadAllBytes(path))?.Functions ?? [] : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return [];
        }
    }

    /// <summary>Writes only when the names changed, so an unchanged redeploy leaves the file alone. A failure to write costs only the hint.</summary>
    public static void Write(string path, IEnumerable<string> functions)
    {
        var names = functions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (Read(path).SequenceEqual(names, StringComparer.Ordinal) && File.Exists(path))
            return;
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(new Content(names), Json));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    private sealed record Content(IReadOnlyList<string> Functions);
}
