using System.Security.Cryptography;
using System.Text;
using Lambada.Build.Manifest;
using Lambada.Build.Validation;

namespace Lambada.Build.Deployment;

/// <summary>
/// A function exactly as Lambda should hold it: the manifest's definition plus what Lambada adds —
/// <c>LAMBADA_HANDLER</c>, the <c>lambada:project</c> tag, and <c>LAMBADA_SETTINGS</c>, a digest of the settings
/// ListFunctions does not show (tags, reserved concurrency, alias), so an unchanged redeploy needs no per-function reads.
/// </summary>
public sealed record DesiredFunction(FunctionDefinition Definition, IReadOnlyDictionary<string, string> Environment, IReadOnlyDictionary<string, string> Tags)
{
    public string Name => Definition.Name;

    public static DesiredFunction From(FunctionDefinition definition, string project)
    {
        var tags = new SortedDictionary<string, string>(definition.Tags.ToDictionary(t => t.Key, t => t.Value), StringComparer.Ordinal)
        {
            [OwnershipTags.ProjectTag] = project,
        };
        var environment = new SortedDictionary<string, string>(definition.Environment.ToDictionary(e => e.Key, e => e.Value), StringComparer.Ordinal)
        {
            [EnvironmentRules.HandlerVariable] = definition.Method,
            [EnvironmentRules.SettingsVariable] = SettingsDigest(tags, definition),
        };
        return new DesiredFunction(definition, environment, tags);
    }

    private static string SettingsDigest(IReadOnlyDictionary<string, string> tags, FunctionDefinition definition)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in tags)
            text.Append("tag:").Append(key).Append('=').Append(value).Append('\n');
        text.Append("concurrency:").Append(definition.ReservedConcurrency).Append('\n');
        text.Append("alias:").Append(definition.Alias).Append('\n');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..EnvironmentRules.SettingsDigestLength].ToLowerInvariant();
    }
}
