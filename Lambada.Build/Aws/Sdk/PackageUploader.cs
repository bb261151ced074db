using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Lambada.Build.Aws.Configuration;

namespace Lambada.Build.Aws.Sdk;

/// <summary>Puts a package into S3 with AWSSDK.S3, for packages Lambda should fetch from a bucket.</summary>
public sealed class PackageUploader(AWSCredentials credentials, AwsEndpoint endpoint, string region)
{
    public async Task UploadAsync(string bucket, string key, string path, CancellationToken cancellation)
    {
        var config = SdkClientConfig.For<AmazonS3Config>(endpoint, region);
        config.ForcePathStyle = endpoint.IsOverridden;
        using var s3 = new AmazonS3Client(credentials, config);
        try
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, FilePath = path, UseChunkEncoding = false }, cancellation)
                .ConfigureAwait(false);
        }
        catch (AmazonServiceException e)
        {
            throw SdkErrors.Translate("PutObject", e);
        }
    }
}
