using Microsoft.Build.Framework;

namespace Lambada.Build.Tasks;

/// <summary>Prints the functions of a manifest as a table (<c>-p:LambadaList=true</c>).</summary>
public sealed class ListFunctions : Microsoft.Build.Utilities.Task
{
    [Required] public string ManifestPath { get; set; } = "";

    public override bool Execute()
    {
        var (manifest, lines) = FunctionScan.List(ManifestPath);
        Log.LogMessage(MessageImportance.High, $"Lambada: {manifest.Functions.Count} function(s) declared by {manifest.Assembly} ({ManifestPath})");
        foreach (var line in lines)
            Log.LogMessage(MessageImportance.High, "  " + line);
        return !Log.HasLoggedErrors;
    }
}
