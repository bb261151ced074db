using Amazon;
using Amazon.Runtime;
using Lambada.Build.Aws.Configuration;

namespace Lambada.Build.Aws.Sdk;

/// <summary>Points an AWSSDK client config at the same region and endpoint Lambada's own clients use.</summary>
internal static class SdkClientConfig
{
    public static T For<T>(AwsEndpoint endpoint, string region) where T : ClientConfig, new()
    {
        var config = new T { RegionEndpoint = RegionEndpoint.GetBySystemName(region) };
        if (endpoint.IsOverridden)
        {
            config.ServiceURL = endpoint.BaseUri.ToString();
            config.AuthenticationRegion = endpoint.SigningRegion;
        }
        return config;
    }
}
