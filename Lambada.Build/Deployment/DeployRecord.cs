using System.Text.Json;

namespace Lambada.Build.Deployment;

/// <summary>
/// What the last deploy from this project directory left in a region, kept next to the package
/// (<c>obj/…/lambada/&lt;Assembly&gt;.deployed.&lt;region&gt;.json</c>): the functions' names, and of those with HTTP
/// triggers their names, function URLs and the API's name. A deploy that reads its functions one by one never sees the
/// rest of the region, so this is how it knows which functions lost their attribute, which functions lost a trigger, and
/// which URL to report without a request. Only a hint: a missing or unreadable record means "nothing known", and every
/// name in it is confirmed with AWS before anything is changed. Files written before triggers existed read as records
/// without them.
/// </summary>
internal static class DeployRecord
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string PathFor(string packagePath, string region) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(packagePath))!, $"{Path.GetFileNameWithoutExtension(packagePath)}.deployed.{region}.json");

    public static IReadOnlyList<string> Read(string path) => ReadContent(path).Functions;

    public static Content ReadContent(string path)
    {
        try
        {
            var content = File.Exists(path) ? JsonSerializer.Deserialize<Content>(File.ReadAllBytes(path)) : null;
            return content is null ? Content.Empty : content with { Functions = content.Functions ?? [] };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return Content.Empty;
        }
    }

    /// <summary>Writes only when the names changed, so an unchanged redeploy leaves the file alone. A failure to write costs only the hint.</summary>
    public static void Write(string path, IEnumerable<string> functions) => Write(path, new Content(functions.ToList()), keepTriggers: true);

    /// <param name="keepTriggers">Keep the trigger part the file already holds (a deploy that did not look at triggers).</param>
    public static void Write(string path, Content content, bool keepTriggers = false)
    {
        var old = ReadContent(path);
        var names = content.Functions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var next = (keepTriggers ? old with { Functions = names } : content with { Functions = names }).Normalized();
        if (File.Exists(path) && old.Normalized().SameAs(next))
            return;
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(next, Json));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    /// <summary>
    /// <see cref="Functions"/>: every function the deploy left in the region; <see cref="Triggered"/>: those with an HTTP
    /// trigger (a URL or a route) after it; <see cref="Urls"/>: each function URL; <see cref="HttpApi"/>: the project's API.
    /// </summary>
    internal sealed record Content(IReadOnlyList<string> Functions)
    {
        public static Content Empty { get; } = new([]);

        public IReadOnlyList<string>? Triggered { get; init; }
        public IReadOnlyDictionary<string, string>? Urls { get; init; }
        public string? HttpApi { get; init; }

        public Content Normalized() => this with
        {
            Triggered = Triggered is null or { Count: 0 } ? null : Triggered.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            Urls = Urls is null or { Count: 0 } ? null : new SortedDictionary<string, string>(Urls.ToDictionary(u => u.Key, u => u.Value), StringComparer.Ordinal),
        };

        public bool SameAs(Content other) =>
            Functions.SequenceEqual(other.Functions, StringComparer.Ordinal)
            && (Triggered ?? []).SequenceEqual(other.Triggered ?? [], StringComparer.Ordinal)
            && (Urls ?? new Dictionary<string, string>()).OrderBy(u => u.Key, StringComparer.Ordinal)
                .SequenceEqual((other.Urls ?? new Dictionary<string, string>()).OrderBy(u => u.Key, StringComparer.Ordinal))
            && HttpApi == other.HttpApi;
    }
}
