using Lambada.Build.Aws.Configuration;

namespace Lambada.Tests.Aws.Configuration;

/// <summary>Credentials from the environment and from shared files; these tests change process environment variables.</summary>
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
}
