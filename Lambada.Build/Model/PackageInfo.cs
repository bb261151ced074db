namespace Lambada.Build.Model;

/// <summary>A written package: where it is, its CodeSha256 as Lambda reports it, and its sizes in bytes.</summary>
internal sealed record PackageInfo(string Path, string CodeSha256, long Size, long UnzippedSize);
