using Amazon.Runtime;

namespace Lambada.Build.Aws.Configuration;

/// <summary>
/// The region, first found wins: <c>LambadaRegion</c>, <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c> (read by the AWS CLI
/// and boto3, not by AWSSDK.Core), the region of <c>LambadaProfile</c>, then AWSSDK.Core's chain (the <c>AWS_PROFILE</c>
/// or default profile, then instance metadata).
/// </summary>
public static class RegionResolver
{
    public static string Resolve(string? lambadaRegion, string? profile, Func<string, string?> environment, Func<string?>? sdkChain = null)
    {
        var region = NonEmpty(lambadaRegion)
                     ?? NonEmpty(environment("AWS_REGION"))
                     ?? NonEmpty(environment("AWS_DEFAULT_REGION"))
                     ?? ProfileRegion(profile, environment)
                     ?? (sdkChain ?? SdkChain)();
        return region ?? throw new AwsConfigurationException(
            "No AWS region is set. Set LambadaRegion (-p:LambadaRegion=eu-west-1), AWS_REGION, or a region in your AWS profile.");
    }

    private static string? ProfileRegion(string? profile, Func<string, string?> environment)
    {
        if (NonEmpty(profile) is not { } name)
            return null;
        return SharedProfiles.Open(environment).TryGetProfile(name, out var found) ? found.Region?.SystemName : null;
    }

    private static string? SdkChain()
    {
        try
        {
            return FallbackRegionFactory.GetRegionEndpoint()?.SystemName;
        }
        catch (AmazonClientException)
        {
            return null;
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
