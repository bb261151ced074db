using Amazon.Runtime.CredentialManagement;

namespace Lambada.Build.Aws.Configuration;

/// <summary>
/// The shared credentials file as <c>AWS_SHARED_CREDENTIALS_FILE</c> names it now. AWSSDK.Core reads that variable once per
/// process, in a static constructor, and MSBuild nodes outlive builds, so the path is passed explicitly on every call.
/// Without <c>AWS_CONFIG_FILE</c>, the SDK reads the <c>config</c> file beside it.
/// </summary>
internal static class SharedProfiles
{
    public static CredentialProfileStoreChain Open(Func<string, string?> environment) =>
        environment("AWS_SHARED_CREDENTIALS_FILE") is { Length: > 0 } path
            ? new CredentialProfileStoreChain(path)
            : new CredentialProfileStoreChain();

    /// <summary>
    /// One setting of a profile as written, for when AWSSDK.Core refuses the whole profile over it (a region it cannot
    /// parse, such as a list) and Lambada must still say what the value was. The config file wins, as it does for the SDK.
    /// </summary>
    public static string? RawSetting(string profile, string key, Func<string, string?> environment)
    {
        var shared = environment("AWS_SHARED_CREDENTIALS_FILE") is { Length: > 0 } path ? path : Home(".aws", "credentials");
        var config = environment("AWS_CONFIG_FILE") is { Length: > 0 } named ? named
            : environment("AWS_SHARED_CREDENTIALS_FILE") is { Length: > 0 } ? Path.Combine(Path.GetDirectoryName(shared) ?? ".", "config")
            : Home(".aws", "config");
        var configSection = profile == "default" ? "default" : "profile " + profile;
        return Read(config, configSection, key) ?? Read(shared, profile, key);
    }

    private static string? Read(string file, string section, string key)
    {
        if (!File.Exists(file))
            return null;
        var inSection = false;
        foreach (var raw in File.ReadLines(file))
        {
            var line = raw.Trim();
            if (line.StartsWith('[') && line.EndsWith(']'))
                inSection = string.Equals(line[1..^1].Trim(), section, StringComparison.Ordinal);
            else if (inSection && line.Split('=', 2) is [var name, var value] && name.Trim() == key)
                return value.Trim();
        }
        return null;
    }

    private static string Home(params string[] parts) =>
        Path.Combine([Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), .. parts]);
}
