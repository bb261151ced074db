using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Lambada.Build.Aws.Signing;

namespace Lambada.Build.Aws.Configuration;

/// <summary>
/// Credentials from AWSSDK.Core: the named <c>LambadaProfile</c>, else the default chain (environment, web identity,
/// profiles, container, instance metadata). Asked before every request, so expiring credentials are refreshed by the SDK.
/// Every failure is one <see cref="AwsConfigurationException"/> line of Lambada's own: the SDK's text spans several lines.
/// </summary>
internal sealed class CredentialSource
{
    private readonly AWSCredentials _credentials;
    private readonly string _source;

    private CredentialSource(AWSCredentials credentials, string source)
    {
        _credentials = credentials;
        _source = source;
    }

    /// <summary>The SDK's own credentials object, for the SDK clients Lambada uses (STS, S3).</summary>
    public AWSCredentials SdkCredentials => _credentials;

    public static CredentialSource Resolve(string? profile) => Resolve(profile, Environment.GetEnvironmentVariable);

    public static CredentialSource Resolve(string? profile, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(profile))
            return FromProfile(profile.Trim(), environment);
        // The chain's first step, read through the given environment so a caller (a test, a benchmark) can supply keys without touching the process's.
        if (NonEmpty(environment("AWS_ACCESS_KEY_ID")) is { } keyId && NonEmpty(environment("AWS_SECRET_ACCESS_KEY")) is { } secret)
            return new CredentialSource(NonEmpty(environment("AWS_SESSION_TOKEN")) is { } token
                ? new SessionAWSCredentials(keyId, secret, token)
                : new BasicAWSCredentials(keyId, secret), "the environment variables");
        try
        {
            return new CredentialSource(DefaultAWSCredentialsIdentityResolver.GetCredentials(), "AWSSDK.Core's default chain");
        }
        catch (AmazonClientException e)
        {
            throw new AwsConfigurationException(AwsConfigurationProblem.Credentials, CredentialChainReport.NoCredentials(environment), e);
        }
    }

    private static CredentialSource FromProfile(string profile, Func<string, string?> environment)
    {
        try
        {
            if (SharedProfiles.Open(environment).TryGetAWSCredentials(profile, out var fromProfile))
                return new CredentialSource(fromProfile, $"profile '{profile}' (LambadaProfile)");
        }
        catch (AmazonClientException)
        {
            // An SSO or assume-role profile that cannot produce credentials now: the report below says so in one line.
        }
        throw new AwsConfigurationException(AwsConfigurationProblem.Credentials, CredentialChainReport.ProfileUnusable(profile, environment));
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public async Task<AwsCredentials> GetAsync(CancellationToken cancellation)
    {
        ImmutableCredentials immutable;
        try
        {
            immutable = await _credentials.GetCredentialsAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Found, but fetched only now (a credential_process, an SSO login, instance metadata), so any failure is the credentials':
            // still one line, without the SDK's text.
            throw new AwsConfigurationException(AwsConfigurationProblem.Credentials,
                $"The AWS credentials of {_source} ({_credentials.GetType().Name}) could not be fetched or refreshed. {CredentialChainReport.Fix}", e);
        }
        cancellation.ThrowIfCancellationRequested();
        return new AwsCredentials(immutable.AccessKey, immutable.SecretKey, immutable.UseToken ? immutable.Token : null);
    }
}
