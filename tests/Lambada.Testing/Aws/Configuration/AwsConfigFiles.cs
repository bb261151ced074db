using Lambada.Testing;
using Lambada.Tests.Sample;

namespace Lambada.Tests.Aws.Configuration;

/// <summary>
/// A temporary shared credentials file, named by AWS_SHARED_CREDENTIALS_FILE, and the config file beside it, with every
/// other credential and region source of the process turned off. Restores the environment on dispose.
/// AWS_CONFIG_FILE stays unset: AWSSDK.Core reads it once per process, so a test could not point it at a fresh file.
/// </summary>
internal sealed class AwsConfigFiles : IDisposable
{
    private static readonly string[] ClearedVariables =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
        "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONFIG_FILE",
    ];

    private readonly TempDirectory _directory = new("aws-config");
    private readonly EnvironmentScope _environment = new();

    public AwsConfigFiles(string credentials = "", string config = "")
    {
        File.WriteAllText(CredentialsFile, credentials);
        File.WriteAllText(ConfigFile, config);
        _environment.Set(ClearedVariables.Select(name => new KeyValuePair<string, string?>(name, null)));
        Set(("AWS_SHARED_CREDENTIALS_FILE", CredentialsFile), ("AWS_EC2_METADATA_DISABLED", "true"));
    }

    public string CredentialsFile => _directory.File("credentials");

    public string ConfigFile => _directory.File("config");

    public AwsConfigFiles Set(params (string Name, string? Value)[] variables)
    {
        _environment.Set(variables.Select(v => new KeyValuePair<string, string?>(v.Name, v.Value)));
        return this;
    }

    public void Dispose()
    {
        _environment.Dispose();
        _directory.Dispose();
    }
}
