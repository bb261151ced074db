using System.Security.Cryptography;

namespace Lambada.Build.Packaging;

/// <summary>The package hash in the form Lambda reports as CodeSha256: base64 of the SHA-256 of the zip bytes.</summary>
internal static class CodeSha256
{
    public static string Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToBase64String(SHA256.HashData(stream));
    }
}
