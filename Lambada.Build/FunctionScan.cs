using Lambada.Build.Binding;
using Lambada.Build.Diagnostics;
using Lambada.Build.Manifest;
using Lambada.Build.Model;
using Lambada.Build.Scanning;
using Lambada.Build.Validation;

namespace Lambada.Build;

/// <summary>
/// Scan → Validate → Manifest (and the generated binding beside it), as one call. The manifest is written only when there is no error, and
/// removed otherwise, so a failed build is never mistaken for an up-to-date one.
/// </summary>
public static class FunctionScan
{
    public sealed record Outcome(FunctionsManifest Manifest, IReadOnlyList<Diagnostic> Diagnostics)
    {
        public bool Succeeded => !Diagnostics.Any(d => d.IsError);
    }

    /// <param name="bindingPath">Where to write <see cref="BindingSource"/>'s C# for the package build; none when null.</param>
    public static Outcome Run(string assemblyPath, string manifestPath, ScanOptions scanOptions, ProjectOptions project, string? bindingPath = null)
    {
        var scan = AssemblyScanner.Scan(assemblyPath, scanOptions);
        var manifest = ManifestBuilder.Build(scan, project);
        var outcome = new Outcome(manifest, FunctionValidator.Validate(scan, manifest, RuntimeLifecycle.Today(project.Clock)));

        if (outcome.Succeeded)
        {
            ManifestWriter.Write(manifestPath, manifest);
            if (bindingPath is not null)
                WriteIfChanged(bindingPath, BindingSource.Generate(scan.Functions.Select(f => f.Binding)));
        }
        else
        {
            DeleteIfPresent(manifestPath);
            if (bindingPath is not null)
                DeleteIfPresent(bindingPath);
        }
        return outcome;
    }

    // File.Delete accepts a missing file but throws for a missing folder, which would hide the diagnostics of a
    // first build that fails before anything was written.
    private static void DeleteIfPresent(string path)
    {
        if (File.Exists(path))
            File.Delete(path);
    }

    // An unchanged binding keeps its timestamp, so the package build's compile stays incremental.
    private static void WriteIfChanged(string path, string text)
    {
        if (!File.Exists(path) || File.ReadAllText(path) != text)
            File.WriteAllText(path, text);
    }
}
