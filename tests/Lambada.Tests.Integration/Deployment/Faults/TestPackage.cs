using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Lambada.Testing;

namespace Lambada.Tests.Deployment.Faults;

/// <summary>A small deterministic zip (one bootstrap file) and its CodeSha256 = base64(SHA-256(bytes)), computed here, not by Lambada.</summary>
internal sealed record TestPackage(string Path, string CodeSha256)
{
    public static TestPackage Create(TempDirectory directory, string content)
    {
        using var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("bootstrap", CompressionLevel.NoCompression);
            entry.LastWriteTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using var stream = entry.Open();
            stream.Write(Encoding.UTF8.GetBytes("#!/bin/sh\necho " + content + "\n"));
        }
        var path = directory.File($"{content}-{Guid.NewGuid():N}.zip");
        File.WriteAllBytes(path, bytes.ToArray());
        return new TestPackage(path, Convert.ToBase64String(SHA256.HashData(bytes.ToArray())));
    }
}
