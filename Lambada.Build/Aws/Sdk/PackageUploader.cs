using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Lambada.Build.Aws.Configuration;
using Lambada.Build.Aws.Http;

namespace Lambada.Build.Aws.Sdk;

/// <summary>Puts a package into S3 with AWSSDK.S3, for packages Lambda should fetch from a bucket.</summary>
internal sealed class PackageUploader(AWSCredentials credentials, AwsEndpoint endpoint, string region, NetworkLimits limits)
{
    private const string Operation = "PutObject";

    public async Task UploadAsync(string bucket, string key, string path, CancellationToken cancellation)
    {
        var config = SdkClientConfig.For<AmazonS3Config>(endpoint, region, limits, new FileInfo(path).Length);
        config.ForcePathStyle = endpoint.IsOverridden;
        using var s3 = new AmazonS3Client(credentials, config);
        try
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, FilePath = path, UseChunkEncoding = false }, cancellation)
                .ConfigureAwait(false);
        }
        catch (AmazonServiceException e)
        {
            throw SdkErrors.Translate(Operation, e, endpoint, mutates: true);
        }
        catch (Exception e) when (SdkErrors.Network(Operation, e, endpoint, mutates: true, cancellation) is { } network)
        {
            throw network;
        }
    }
}
