using Amazon.S3;
using Amazon.S3.Model;

namespace LambdaShell;

/// <summary>Uploads one local file to S3 in a single PUT (so up to 5 GB, more than Lambda's /tmp holds by default).</summary>
public sealed class S3Uploader
{
    /// <summary>Uploads the file and returns how many bytes were sent.</summary>
    public async Task<long> UploadAsync(S3CopyCommand copy, CancellationToken cancellation)
    {
        using var client = new AmazonS3Client(S3ConfigFactory.Create());
        var size = new FileInfo(copy.File).Length;
        await client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = copy.Bucket,
            Key = copy.Key,
            FilePath = copy.File,
            // With chunk encoding, S3 stand-ins such as s3rver store the chunk framing inside the object.
            UseChunkEncoding = false,
        }, cancellation);
        return size;
    }
}
