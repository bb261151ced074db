using Amazon;
using Amazon.Runtime;
using Lambada.Build.Aws.Configuration;
using Lambada.Build.Aws.Http;

namespace Lambada.Build.Aws.Sdk;

/// <summary>Points an AWSSDK client config at the same region and endpoint Lambada's own clients use, within the same network limits.</summary>
internal static class SdkClientConfig
{
    /// <param name="bodyBytes">The size of the largest request body the client sends, which sizes its timeout.</param>
    public static T For<T>(AwsEndpoint endpoint, string region, NetworkLimits limits, long bodyBytes = 0) where T : ClientConfig, new()
    {
        var config = new T
        {
            RegionEndpoint = RegionEndpoint.GetBySystemName(region),
            ConnectTimeout = limits.ConnectTimeout,
            Timeout = limits.AttemptTimeoutFor(bodyBytes),
            RetryMode = RequestRetryMode.Standard,
            // The SDK retries throttling and network failures alike; one retry keeps a silent endpoint to two attempt timeouts.
            MaxErrorRetry = Math.Max(0, limits.NoAnswerAttempts - 1),
        };
        if (endpoint.IsOverridden)
        {
            config.ServiceURL = endpoint.BaseUri.ToString();
            config.AuthenticationRegion = endpoint.SigningRegion;
        }
        return config;
    }
}
