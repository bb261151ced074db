using Amazon.Runtime;

namespace Lambada.Build.Aws.Configuration;

/// <summary>
/// The region, first found wins: <c>LambadaRegion</c>, <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c> (read by the AWS CLI
/// and boto3, not by AWSSDK.Core), the region of <c>LambadaProfile</c>, then AWSSDK.Core's chain (the <c>AWS_PROFILE</c>
/// or default profile, then instance metadata). Whichever it is, <see cref="RegionCheck"/> sees it before any request.
/// </summary>
internal static class RegionResolver
{
    public static string Resolve(string? lambadaRegion, string? profile, Func<string, string?> environment, Func<string?>? sdkChain = null)
    {
        var (region, source) = Find(lambadaRegion, profile, environment, sdkChain ?? SdkChain);
        if (region is null)
            throw new AwsConfigurationException(AwsConfigurationProblem.MissingRegion,
                "No AWS region is set. Set LambadaRegion (-p:LambadaRegion=eu-west-1), AWS_REGION, or a region in your AWS profile.");
        return RegionCheck.Check(region, source);
    }

    private static (string? Region, string Source) Find(string? lambadaRegion, string? profile, Func<string, string?> environment, Func<string?> sdkChain)
    {
        if (NonEmpty(lambadaRegion) is { } fromProperty)
            return (fromProperty, "LambadaRegion");
        foreach (var variable in (string[])["AWS_REGION", "AWS_DEFAULT_REGION"])
            if (NonEmpty(environment(variable)) is { } fromVariable)
                return (fromVariable, variable);
        if (ProfileRegion(profile, environment) is { } fromProfile)
            return (fromProfile, $"the region of profile '{profile!.Trim()}' (LambadaProfile)");
        return (NonEmpty(sdkChain()), "AWSSDK.Core's region chain (the AWS_PROFILE or default profile, or instance metadata)");
    }

    private static string? ProfileRegion(string? profile, Func<string, string?> environment)
    {
        if (NonEmpty(profile) is not { } name)
            return null;
        try
        {
            return SharedProfiles.Open(environment).TryGetProfile(name, out var found) ? NonEmpty(found.Region?.SystemName) : null;
        }
        catch (AmazonClientException)
        {
            // AWSSDK.Core refuses a region that is no hostname part (a list, a space) and with it the whole profile.
            return NonEmpty(SharedProfiles.RawSetting(name, "region", environment)) ?? throw new AwsConfigurationException(
                AwsConfigurationProblem.UnknownRegion, $"AWSSDK.Core cannot read profile '{name}' (LambadaProfile); check its region.");
        }
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
