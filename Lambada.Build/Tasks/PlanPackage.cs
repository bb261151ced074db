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
    [Output] public string RuntimeIdentifier { get; private set; } = "";
    [Output] public string SelfContained { get; private set; } = "";

    public override bool Execute()
    {
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
