using System.Security.Cryptography;
using System.Text;
using Lambada.Build.Deployment.Triggers;
using Lambada.Build.Model;

namespace Lambada.Build.Deployment;

/// <summary>
/// A function exactly as Lambda should hold it: the manifest's definition plus what Lambada adds —
/// <c>LAMBADA_HANDLER</c>, the <c>lambada:project</c> tag, and <c>LAMBADA_SETTINGS</c>, a digest of the settings
/// ListFunctions does not show (tags, reserved concurrency, alias, and the HTTP triggers: URL, routes, API name), so an
/// unchanged redeploy needs no per-function reads.
/// </summary>
internal sealed record DesiredFunction(FunctionDefinition Definition, IReadOnlyDictionary<string, string> Environment, IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>
    /// What <c>LAMBADA_SETTINGS</c> holds after a deploy of the function stopped part-way: never a digest, so the next
    /// deploy plans an update and redoes every step. No longer than a digest, so the 4 KB environment check stays true.
    /// </summary>
    public const string Unfinished = "unfinished";

    public string Name => Definition.Name;

    /// <summary>The environment with <c>LAMBADA_SETTINGS</c> set to <see cref="Unfinished"/>.</summary>
    public IReadOnlyDictionary<string, string> UnfinishedEnvironment() =>
        new SortedDictionary<string, string>(Environment.ToDictionary(e => e.Key, e => e.Value), StringComparer.Ordinal)
        {
            [LambadaContract.SettingsVariable] = Unfinished,
        };

    /// <param name="httpApiName">The project's HTTP API (<see cref="FunctionsManifest.HttpApiName"/>), part of the digest of a function with routes.</param>
    public static DesiredFunction From(FunctionDefinition definition, string project, string? httpApiName = null)
    {
        var tags = new SortedDictionary<string, string>(definition.Tags.ToDictionary(t => t.Key, t => t.Value), StringComparer.Ordinal)
        {
            [LambadaContract.OwnershipTag] = project,
        };
        var environment = new SortedDictionary<string, string>(definition.Environment.ToDictionary(e => e.Key, e => e.Value), StringComparer.Ordinal)
        {
            [LambadaContract.HandlerVariable] = definition.Method,
            [LambadaContract.SettingsVariable] = SettingsDigest(tags, definition, httpApiName),
        };
        return new DesiredFunction(definition, environment, tags);
    }

    private static string SettingsDigest(IReadOnlyDictionary<string, string> tags, FunctionDefinition definition, string? httpApiName)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in tags)
            text.Append("tag:").Append(key).Append('=').Append(value).Append('\n');
        text.Append("concurrency:").Append(definition.ReservedConcurrency).Append('\n');
        text.Append("alias:").Append(definition.Alias).Append('\n');
        // Appended only when the function has a trigger: a function without one keeps the digest earlier versions wrote.
        text.Append(TriggerSettings.DigestText(definition, httpApiName));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..LambadaContract.SettingsDigestLength].ToLowerInvariant();
    }
}
