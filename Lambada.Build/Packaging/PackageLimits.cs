using Lambada.Build.Diagnostics;

namespace Lambada.Build.Packaging;

/// <summary>Lambda's size limits on a .zip package.</summary>
internal static class PackageLimits
{
    public const long MaxUnzippedBytes = 250L * 1024 * 1024;
    public const long MaxDirectUploadBytes = 50L * 1024 * 1024;

    public static Diagnostic? CheckUnzipped(string assembly, long unzippedSize) => unzippedSize > MaxUnzippedBytes
        ? DiagnosticCatalogue.PackageTooLarge.Create(null, assembly, Megabytes(unzippedSize))
        : null;

    public static Diagnostic? CheckZipped(string assembly, long size) => size > MaxDirectUploadBytes
        ? DiagnosticCatalogue.PackageNeedsS3.Create(null, assembly, Megabytes(size))
        : null;

    private static string Megabytes(long bytes) =>
        (bytes / (1024.0 * 1024.0)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
