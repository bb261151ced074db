using Amazon;
using Amazon.S3;

namespace LambdaShell;

/// <summary>
/// The S3 client settings from the standard AWS chain. AWSSDK.Core already reads <c>AWS_REGION</c>,
/// <c>AWS_ENDPOINT_URL</c> and <c>AWS_ENDPOINT_URL_S3</c> (into <see cref="Amazon.Runtime.ClientConfig.ServiceURL"/>);
/// this adds what it leaves out.
/// </summary>
public static class S3ConfigFactory
{
    public static AmazonS3Config Create()
    {
        var config = new AmazonS3Config();
        var fallbackRegion = Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
        var regionMissing = config.RegionEndpoint is null && !string.IsNullOrEmpty(fallbackRegion);

        if (config.ServiceURL is not null)
        {
            // Local stand-ins serve buckets under the path, not as virtual hosts.
            config.ForcePathStyle = true;
            // Setting RegionEndpoint would clear ServiceURL; the region is then only needed for signing.
            if (regionMissing)
                config.AuthenticationRegion = fallbackRegion;
        }
        else if (regionMissing)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(fallbackRegion);
        }
        return config;
    }
}
