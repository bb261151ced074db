using Lambada.Build.Aws.Configuration;

namespace Lambada.Tests.Aws.Configuration;

/// <summary>
/// Credentials from the environment and from shared files; these tests change process environment variables.
/// A credential_process runs a program: <c>CredentialProcessTests</c> (integration).
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class CredentialSourceTests
{
    private static readonly string Unique = Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    [TestMethod]
    public async Task Without_a_profile_keys_come_from_the_environment()
    {
        using var files = new AwsConfigFiles().Set(
            ("AWS_ACCESS_KEY_ID", "AKIAENV" + Unique), ("AWS_SECRET_ACCESS_KEY", "env-secret-" + Unique), ("AWS_SESSION_TOKEN", "env-token-" + Unique));

        var credentials = await CredentialSource.Resolve(null).GetAsync(CancellationToken.None);

        Assert.AreEqual("AKIAENV" + Unique, credentials.AccessKeyId);
        Assert.AreEqual("env-secret-" + Unique, credentials.SecretAccessKey);
        Assert.AreEqual("env-token-" + Unique, credentials.SessionToken);
    }

    [TestMethod]
    public async Task Environment_keys_without_a_token_have_no_token()
    {
        using var files = new AwsConfigFiles().Set(("AWS_ACCESS_KEY_ID", "AKIAENV" + Unique), ("AWS_SECRET_ACCESS_KEY", "env-secret-" + Unique));

        var credentials = await CredentialSource.Resolve(null).GetAsync(CancellationToken.None);

        Assert.AreEqual("AKIAENV" + Unique, credentials.AccessKeyId);
        Assert.IsNull(credentials.SessionToken);
    }

    [TestMethod]
    public async Task LambadaProfile_is_read_from_the_shared_credentials_file_with_its_session_token()
    {
        using var files = new AwsConfigFiles(credentials: $"""
            [default]
            aws_access_key_id = AKIADEFAULT{Unique}
            aws_secret_access_key = default-secret

            [lambada-deploy]
            aws_access_key_id = AKIAPROFILE{Unique}
            aws_secret_access_key = profile-secret-{Unique}
            aws_session_token = profile-token-{Unique}
            """).Set(("AWS_ACCESS_KEY_ID", "AKIAENV" + Unique), ("AWS_SECRET_ACCESS_KEY", "env-secret"));

        var credentials = await CredentialSource.Resolve("lambada-deploy").GetAsync(CancellationToken.None);

        Assert.AreEqual("AKIAPROFILE" + Unique, credentials.AccessKeyId);
        Assert.AreEqual("profile-secret-" + Unique, credentials.SecretAccessKey);
        Assert.AreEqual("profile-token-" + Unique, credentials.SessionToken);
    }

    [TestMethod]
    public async Task LambadaProfile_can_live_in_the_config_file()
    {
        using var files = new AwsConfigFiles(config: $"""
            [profile from-config]
            aws_access_key_id = AKIACONFIG{Unique}
            aws_secret_access_key = config-secret-{Unique}
            region = eu-south-1
            """);

        var credentials = await CredentialSource.Resolve("from-config").GetAsync(CancellationToken.None);

        Assert.AreEqual("AKIACONFIG" + Unique, credentials.AccessKeyId);
        Assert.AreEqual("config-secret-" + Unique, credentials.SecretAccessKey);
        Assert.IsNull(credentials.SessionToken);
    }

    [TestMethod]
    public void A_missing_LambadaProfile_is_an_error_naming_it()
    {
        using var files = new AwsConfigFiles(credentials: """
            [other]
            aws_access_key_id = AKIAOTHER
            aws_secret_access_key = other-secret
            """).Set(("AWS_ACCESS_KEY_ID", "AKIAENV" + Unique), ("AWS_SECRET_ACCESS_KEY", "env-secret"));

        var error = Assert.Throws<AwsConfigurationException>(() => CredentialSource.Resolve("no-such-profile"));

        StringAssert.Contains(error.Message, "'no-such-profile'");
        StringAssert.Contains(error.Message, "LambadaProfile");
    }

    [TestMethod]
    public void No_credentials_anywhere_is_one_line_naming_every_source_tried_and_the_fix()
    {
        using var files = new AwsConfigFiles();

        var error = Assert.ThrowsExactly<AwsConfigurationException>(() => CredentialSource.Resolve(null));

        Assert.AreEqual(AwsConfigurationProblem.Credentials, error.Problem);
        Assert.IsFalse(error.Message.Contains('\n') || error.Message.Contains('\r'), error.Message);
        Assert.AreEqual(
            "No AWS credentials found; tried, in AWSSDK.Core's order: environment variables (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY not set); " +
            "web identity (AWS_WEB_IDENTITY_TOKEN_FILE not set); " +
            $"profile 'default' in {files.CredentialsFile} (AWS_SHARED_CREDENTIALS_FILE) and the config file beside it (not found); " +
            "container credentials (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and _FULL_URI not set); " +
            "EC2 instance metadata (off: AWS_EC2_METADATA_DISABLED=true). " +
            "Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, set LambadaProfile or AWS_PROFILE to a profile with credentials ('aws configure --profile <name>'), " +
            "or run 'aws sso login --profile <name>' for an SSO profile.",
            error.Message);
    }

    [TestMethod]
    public void A_secret_without_its_key_id_is_named_but_never_shown()
    {
        using var files = new AwsConfigFiles().Set(("AWS_SECRET_ACCESS_KEY", "lonely-secret-" + Unique));

        var error = Assert.ThrowsExactly<AwsConfigurationException>(() => CredentialSource.Resolve(null));

        StringAssert.Contains(error.Message, "environment variables (AWS_SECRET_ACCESS_KEY set without AWS_ACCESS_KEY_ID)");
        Assert.IsFalse(error.Message.Contains(Unique, StringComparison.OrdinalIgnoreCase), error.Message);
    }

    [TestMethod]
    public void An_SSO_AWS_PROFILE_without_a_login_says_to_run_aws_sso_login()
    {
        using var files = new AwsConfigFiles(config: $"""
            [profile work]
            sso_start_url = https://example.awsapps.com/start
            sso_region = us-east-1
            sso_account_id = 123456789012
            sso_role_name = Deployer{Unique}
            region = us-east-1
            """).Set(("AWS_PROFILE", "work"));

        var error = Assert.ThrowsExactly<AwsConfigurationException>(() => CredentialSource.Resolve(null));

        StringAssert.Contains(error.Message, "profile 'work' (AWS_PROFILE) in ");
        StringAssert.Contains(error.Message, "(an SSO profile whose login is missing or expired)");
        Assert.IsFalse(error.Message.Contains('\n'), error.Message);
    }

    [TestMethod]
    public void A_LambadaProfile_that_is_not_there_is_one_line_naming_the_files_read()
    {
        using var files = new AwsConfigFiles();

        var error = Assert.ThrowsExactly<AwsConfigurationException>(() => CredentialSource.Resolve("nowhere"));

        Assert.AreEqual(AwsConfigurationProblem.Credentials, error.Problem);
        StringAssert.StartsWith(error.Message, $"The AWS profile 'nowhere' (LambadaProfile) in {files.CredentialsFile} (AWS_SHARED_CREDENTIALS_FILE) and the config file beside it: not found. ");
        StringAssert.Contains(error.Message, "'aws sso login --profile nowhere'");
        Assert.IsFalse(error.Message.Contains('\n'), error.Message);
    }
}
