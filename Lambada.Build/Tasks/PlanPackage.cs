using Lambada.Build.Packaging;
using Microsoft.Build.Framework;

namespace Lambada.Build.Tasks;

/// <summary>
/// Reads <c>functions.json</c> and tells the LambadaPackage target how to publish: the runtime identifier
/// and whether self-contained. Both stay empty when the assembly has no function.
/// </summary>
public sealed class PlanPackage : Microsoft.Build.Utilities.Task
{
    [Required] public string ManifestPath { get; set; } = "";
    public string? TargetFramework { get; set; }
    public string? TargetFrameworks { get; set; }

    /// <summary><c>LambadaTargetFramework</c>: the one framework of a multi-targeting project that is packaged and deployed.</summary>
    public string? DeployedFramework { get; set; }
    [Output] public string RuntimeIdentifier { get; private set; } = "";
    [Output] public string SelfContained { get; private set; } = "";

    public override bool Execute()
    {
        if (!string.IsNullOrEmpty(TargetFramework)
            && Manifest.TargetFrameworks.DeployedFramework(TargetFramework, TargetFrameworks, DeployedFramework) is var deployed && deployed != TargetFramework)
        {
            Log.LogMessage(MessageImportance.High, $"Lambada: {TargetFramework} is not packaged or deployed; {deployed} is (set LambadaTargetFramework to choose)");
            return true;
        }
        // No manifest after a good build: Lambada scanned nothing here (a multi-targeting outer build, say).
        var settings = File.Exists(ManifestPath) ? PublishSettings.From(ManifestWriter.Read(ManifestPath)) : null;
        if (settings is null)
        {
            Log.LogMessage(MessageImportance.High, $"Lambada: no functions in {ManifestPath}, nothing to package");
            return true;
        }
        RuntimeIdentifier = settings.RuntimeIdentifier;
        SelfContained = settings.SelfContained ? "true" : "false";
        return !Log.HasLoggedErrors;
    }
}
