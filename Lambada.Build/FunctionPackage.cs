using Lambada.Build.Diagnostics;
using Lambada.Build.Model;
using Lambada.Build.Packaging;

namespace Lambada.Build;

/// <summary>
/// Package, after the publish:  the publish output (and nothing else, less the files that never ship: see
/// <see cref="NeverShipped"/>) plus, for provided.al2023, a <c>bootstrap</c>, zipped deterministically, its CodeSha256
/// written next to it, Lambda's size limits checked.
/// </summary>
internal static class FunctionPackage
{
    public sealed record Outcome(PackageInfo? Package, IReadOnlyList<Diagnostic> Diagnostics)
    {
        public bool Succeeded => Package is not null && !Diagnostics.Any(d => d.IsError);
    }

    public static string HashPath(string zipPath) => zipPath + ".sha256";

    /// <param name="include">Paths inside the package the project ships on purpose although <see cref="NeverShipped"/> would leave them out.</param>
    /// <param name="project">The project file, where the warnings about left-out files point.</param>
    public static Outcome Run(string publishDirectory, string assemblyName, bool bootstrap, string zipPath,
        IReadOnlyCollection<string>? include = null, string? project = null)
    {
        var published = Directory.EnumerateFiles(publishDirectory, "*", SearchOption.AllDirectories)
            .Select(f => PackageEntry.FromFile(publishDirectory, f))
            .Where(e => !bootstrap || e.Name != Bootstrap.FileName)
            .ToList();
        var selection = NeverShipped.Select(published, include ?? [], assemblyName, project);
        var entries = selection.Shipped.ToList();
        if (bootstrap)
            entries.Add(PackageEntry.FromText(Bootstrap.FileName, UnixModes.Executable, Bootstrap.Script(assemblyName)));

        var unzippedSize = entries.Sum(e => e.Length);
        if (PackageLimits.CheckUnzipped(assemblyName, unzippedSize) is { } tooLarge)
        {
            Remove(zipPath);
            return new Outcome(null, [.. selection.Diagnostics, tooLarge]);
        }

        DeterministicZip.Write(zipPath, entries);
        var package = new PackageInfo(zipPath, CodeSha256.Of(zipPath), new FileInfo(zipPath).Length, unzippedSize);
        File.WriteAllText(HashPath(zipPath), package.CodeSha256);

        var warning = PackageLimits.CheckZipped(assemblyName, package.Size);
        return new Outcome(package, warning is null ? selection.Diagnostics : [.. selection.Diagnostics, warning]);
    }

    // A failed package must not look up to date to the next incremental build.
    private static void Remove(string zipPath)
    {
        File.Delete(zipPath);
        File.Delete(HashPath(zipPath));
    }
}
