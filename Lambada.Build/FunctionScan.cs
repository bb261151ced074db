using Lambada.Build.Binding;
using Lambada.Build.Diagnostics;
using Lambada.Build.Manifest;
using Lambada.Build.Model;
using Lambada.Build.Packaging;
using Lambada.Build.Scanning;
using Lambada.Build.Validation;

namespace Lambada.Build;

/// <summary>
/// Scan → Resolve → Validate → Manifest (and the generated binding and publish settings beside it), as one call. The manifest
/// is written only when there is no error, and removed otherwise, so a failed build is never mistaken for an up-to-date one.
/// </summary>
internal static class FunctionScan
{
    public sealed record Outcome(FunctionsManifest Manifest, IReadOnlyList<Diagnostic> Diagnostics)
    {
        public bool Succeeded => !Diagnostics.Any(d => d.IsError);
    }

    /// <summary>
    /// Where the package targets read how to publish: <c>runtime identifier;self-contained;deployed framework</c>
    /// (<c>linux-x64;false;net10.0</c>), empty when the assembly has no function.
    /// </summary>
    public sealed record PublishSettingsFile(string Path, string? TargetFramework, string? TargetFrameworks, string? DeployedFramework);

    /// <param name="bindingPath">Where to write <see cref="BindingSource"/>'s C# for the package build; none when null.</param>
    /// <param name="publishSettings">Where and for which frameworks to write the publish settings; none when null.</param>
    public static Outcome Run(string assemblyPath, string manifestPath, ScanOptions scanOptions, ProjectOptions project, string? bindingPath = null,
        PublishSettingsFile? publishSettings = null)
    {
        var scan = AssemblyScanner.Scan(assemblyPath, scanOptions);
        var manifest = ManifestBuilder.Build(scan, project);
        var outcome = new Outcome(manifest, FunctionValidator.Validate(scan, manifest, RuntimeLifecycle.Today(project.Clock)));

        if (outcome.Succeeded)
        {
            ManifestWriter.Write(manifestPath, manifest);
            if (bindingPath is not null)
                WriteIfChanged(bindingPath, BindingSource.Generate(scan.Functions.Select(f => f.Binding)));
            if (publishSettings is not null)
                WritePublishSettings(publishSettings, manifest);
        }
        else
        {
            DeleteIfPresent(manifestPath);
            if (bindingPath is not null)
                DeleteIfPresent(bindingPath);
        }
        return outcome;
    }

    /// <summary>The functions of a written manifest as a table, for <c>-p:LambadaList=true</c>.</summary>
    public static (FunctionsManifest Manifest, IReadOnlyList<string> Lines) List(string manifestPath)
    {
        var manifest = ManifestWriter.Read(manifestPath);
        return (manifest, FunctionTable.Format(manifest).ToList());
    }

    private static void WritePublishSettings(PublishSettingsFile file, FunctionsManifest manifest)
    {
        var settings = PublishSettings.From(manifest);
        var deployed = string.IsNullOrEmpty(file.TargetFramework) ? "" : TargetFrameworks.DeployedFramework(file.TargetFramework, file.TargetFrameworks, file.DeployedFramework);
        var line = settings is null ? "" : $"{settings.RuntimeIdentifier};{(settings.SelfContained ? "true" : "false")};{deployed}";
        // Always written, even unchanged: it is an output of the incremental scan, so it must be as new as the manifest.
        File.WriteAllText(file.Path, line);
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
