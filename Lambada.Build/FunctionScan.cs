namespace Lambada.Build;

/// <summary>
/// Scan → Validate → Manifest, as one call. The manifest is written only when there is no error, and
/// removed otherwise, so a failed build is never mistaken for an up-to-date one.
/// </summary>
public static class FunctionScan
{
    public sealed record Outcome(FunctionsManifest Manifest, IReadOnlyList<Diagnostic> Diagnostics)
    {
        public bool Succeeded => !Diagnostics.Any(d => d.IsError);
    }

    public static Outcome Run(string assemblyPath, string manifestPath, ScanOptions scanOptions, ProjectOptions project)
    {
        var scan = AssemblyScanner.Scan(assemblyPath, scanOptions);
        var manifest = ManifestBuilder.Build(scan, project);
        var outcome = new Outcome(manifest, FunctionValidator.Validate(scan, manifest));

        if (outcome.Succeeded)
            ManifestWriter.Write(manifestPath, manifest);
        else if (File.Exists(manifestPath))
            File.Delete(manifestPath);
        return outcome;
    }
}
