using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Lambada.Build.Aws.Signing;

namespace Lambada.Build.Aws.Configuration;

/// <summary>
/// Credentials from AWSSDK.Core: the named <c>LambadaProfile</c>, else the default chain (environment, web identity,
/// profiles, container, instance metadata). Asked before every request, so expiring credentials are refreshed by the SDK.
/// </summary>
public sealed class CredentialSource
{
    private readonly AWSCredentials _credentials;

    private CredentialSource(AWSCredentials credentials) => _credentials = credentials;

    /// <summary>The SDK's own credentials object, for the SDK clients Lambada uses (STS, S3).</summary>
    public AWSCredentials SdkCredentials => _credentials;

    public static CredentialSource Resolve(string? profile) => Resolve(profile, Environment.GetEnvironmentVariable);

    public static CredentialSource Resolve(string? profile, Func<string, string?> environment)
    {
        try
        {
            if (!string.IsNullOrWhiteSpace(profile))
            {
                if (!SharedProfiles.Open(environment).TryGetAWSCredentials(profile.Trim(), out var fromProfile))
                    throw new AwsConfigurationException($"The AWS profile '{profile}' (LambadaProfile) was not found or has no usable credentials. Check ~/.aws/config and ~/.aws/credentials.");
                return new CredentialSource(fromProfile);
            }
            // The chain's first step, read through the given environment so a caller (a test, a benchmark) can supply keys without touching the process's.
            if (NonEmpty(environment("AWS_ACCESS_KEY_ID")) is { } keyId && NonEmpty(environment("AWS_SECRET_ACCESS_KEY")) is { } secret)
                return new CredentialSource(NonEmpty(environment("AWS_SESSION_TOKEN")) is { } token
                    ? new SessionAWSCredentials(keyId, secret, token)
                    : new BasicAWSCredentials(keyId, secret));
            return new CredentialSource(DefaultAWSCredentialsIdentityResolver.GetCredentials());
        }
        catch (AmazonClientException e)
        {
            throw new AwsConfigurationException(
                "No AWS credentials found. Set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE or LambadaProfile, or sign in with 'aws sso login'. " + e.Message, e);
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public async Task<AwsCredentials> GetAsync(CancellationToken cancellation)
    {
        var immutable = await _credentials.GetCredentialsAsync().ConfigureAwait(false);
        cancellation.ThrowIfCancellationRequested();
        return new AwsCredentials(immutable.AccessKey, immutable.SecretKey, immutable.UseToken ? immutable.Token : null);
    }
}
