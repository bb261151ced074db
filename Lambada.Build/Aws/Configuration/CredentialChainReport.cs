namespace Lambada.Build.Aws.Configuration;

/// <summary>
/// One line saying which credential sources were tried, in AWSSDK.Core's order, and what each lacked — read from the
/// environment and the profile files, never from the SDK's exception text (several lines, one exception per provider).
/// Names variables, profiles and files only: no value of any of them, so no secret can appear.
/// </summary>
internal static class CredentialChainReport
{
    public const string Fix =
        "Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, set LambadaProfile or AWS_PROFILE to a profile with credentials ('aws configure --profile <name>'), or run 'aws sso login --profile <name>' for an SSO profile.";

    public static string NoCredentials(Func<string, string?> environment)
    {
        var profile = Set(environment("AWS_PROFILE")) is { } named ? $"profile '{named.Trim()}' (AWS_PROFILE)" : "profile 'default'";
        var tried = new[]
        {
            "environment variables (" + EnvironmentKeys(environment) + ")",
            "web identity (" + (Set(environment("AWS_WEB_IDENTITY_TOKEN_FILE")) is null ? "AWS_WEB_IDENTITY_TOKEN_FILE not set" : "AWS_WEB_IDENTITY_TOKEN_FILE gave none") + ")",
            $"{profile} in {Files(environment)} ({ProfileState(Set(environment("AWS_PROFILE"))?.Trim() ?? "default", environment)})",
            "container credentials (" + ((Set(environment("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) ?? Set(environment("AWS_CONTAINER_CREDENTIALS_FULL_URI"))) is null
                ? "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and _FULL_URI not set" : "the container endpoint gave none") + ")",
            "EC2 instance metadata (" + (string.Equals(environment("AWS_EC2_METADATA_DISABLED")?.Trim(), "true", StringComparison.OrdinalIgnoreCase)
                ? "off: AWS_EC2_METADATA_DISABLED=true" : "no credentials from it") + ")",
        };
        return "No AWS credentials found; tried, in AWSSDK.Core's order: " + string.Join("; ", tried) + ". " + Fix;
    }

    public static string ProfileUnusable(string profile, Func<string, string?> environment) =>
        $"The AWS profile '{profile}' (LambadaProfile) in {Files(environment)}: {ProfileState(profile, environment)}. " +
        $"Add aws_access_key_id and aws_secret_access_key to [{profile}] ('aws configure --profile {profile}'), run 'aws sso login --profile {profile}' for an SSO profile, or fix LambadaProfile.";

    /// <summary>What the named profile lacks, by the names of its settings only (a credential_process line may hold a secret).</summary>
    private static string ProfileState(string name, Func<string, string?> environment)
    {
        if (!SharedProfiles.Open(environment).TryGetProfile(name, out var profile))
            return "not found";
        var options = profile.Options;
        if (Set(options.SsoStartUrl) is not null || Set(options.SsoSession) is not null)
            return "an SSO profile whose login is missing or expired";
        if (Set(options.CredentialProcess) is not null)
            return "its credential_process gave no credentials";
        if (Set(options.RoleArn) is not null)
            return "its role_arn could not be assumed with its source profile or credential source";
        return "found, but without aws_access_key_id and aws_secret_access_key";
    }

    private static string EnvironmentKeys(Func<string, string?> environment) =>
        (Set(environment("AWS_ACCESS_KEY_ID")), Set(environment("AWS_SECRET_ACCESS_KEY"))) switch
        {
            (null, null) => "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY not set",
            (null, _) => "AWS_SECRET_ACCESS_KEY set without AWS_ACCESS_KEY_ID",
            (_, null) => "AWS_ACCESS_KEY_ID set without AWS_SECRET_ACCESS_KEY",
            _ => "set, but refused by the SDK",
        };

    private static string Files(Func<string, string?> environment)
    {
        var shared = Set(environment("AWS_SHARED_CREDENTIALS_FILE"));
        var credentials = shared is null ? "~/.aws/credentials" : $"{shared} (AWS_SHARED_CREDENTIALS_FILE)";
        var config = Set(environment("AWS_CONFIG_FILE")) is { } named ? $"{named} (AWS_CONFIG_FILE)"
            : shared is null ? "~/.aws/config" : "the config file beside it";
        return $"{credentials} and {config}";
    }

    private static string? Set(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
