using Lambada.Build.Aws.Lambda;
using Lambada.Build.Aws.Sdk;
using Lambada.Build.Diagnostics;
using Lambada.Build.Packaging;

namespace Lambada.Build.Deployment;

/// <summary>
/// The code every function of the assembly shares: inline zip bytes, or — with <c>LambadaS3Bucket</c> — one S3 object
/// uploaded at most once per deploy, named after the package's hash so an unchanged package keeps its key.
/// </summary>
internal sealed class PackageSource
{
    private readonly Lazy<Task<FunctionCode>> _code;

    public PackageSource(string path, string codeSha256, string assembly, string? bucket, string prefix, PackageUploader uploader)
    {
        Path = path;
        CodeSha256 = codeSha256;
        var size = new FileInfo(path).Length;
        if (bucket is null && size > PackageLimits.MaxDirectUploadBytes)
            throw DeployFailure.Of(DiagnosticCatalogue.DeployNeedsS3, assembly,
                $"The package of {assembly} is {size / (1024.0 * 1024.0):0.0} MB zipped; Lambda takes at most 50 MB inline");
        S3Key = bucket is null ? null : $"{prefix}{assembly}-{Convert.ToHexString(Convert.FromBase64String(codeSha256))[..16].ToLowerInvariant()}.zip";
        _code = new Lazy<Task<FunctionCode>>(async () =>
        {
            if (bucket is null)
                return new FunctionCode { ZipFile = await File.ReadAllBytesAsync(path).ConfigureAwait(false) };
            await uploader.UploadAsync(bucket, S3Key!, path, CancellationToken.None).ConfigureAwait(false);
            return new FunctionCode { S3Bucket = bucket, S3Key = S3Key };
        });
    }

    public string Path { get; }
    public string CodeSha256 { get; }
    public string? S3Key { get; }

    /// <summary>The code to send; the first caller reads (or uploads) the package, the others wait for that one.</summary>
    public Task<FunctionCode> CodeAsync() => _code.Value;
}
