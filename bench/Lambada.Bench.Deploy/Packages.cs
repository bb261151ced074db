using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Lambada.Bench.Deploy;

/// <summary>
/// The zips the benchmark deploys: copies of a real package (the sample's LambdaShell.zip) or a small synthetic one,
/// taken once into the work directory so nothing rebuilds them mid-run. Variants differ by one small added entry.
/// </summary>
public static class Packages
{
    public sealed record Package(string Path, string CodeSha256, long Bytes, string Source);

    private static readonly DateTimeOffset FixedTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary><paramref name="source"/> as it is (variant "a") or with an entry naming the variant added.</summary>
    public static Package Write(string directory, string variant, string? source)
    {
        var path = System.IO.Path.Combine(directory, variant + ".zip");
        if (source is null)
            WriteSynthetic(path);
        else
            File.Copy(source, path, overwrite: true);
        if (variant != "a")
        {
            using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
            AddEntry(zip, "lambada-bench-variant.txt", $"variant {variant}\n");
        }
        var bytes = File.ReadAllBytes(path);
        return new Package(path, Convert.ToBase64String(SHA256.HashData(bytes)), bytes.Length, source ?? "synthetic");
    }

    private static void WriteSynthetic(string path)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        var entry = AddEntry(zip, "bootstrap", "#!/bin/sh\nexec echo bench\n");
        entry.ExternalAttributes = Convert.ToInt32("100755", 8) << 16;
    }

    private static ZipArchiveEntry AddEntry(ZipArchive zip, string name, string text)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = FixedTime;
        using var stream = entry.Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
        return entry;
    }
}
