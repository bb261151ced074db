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
}
