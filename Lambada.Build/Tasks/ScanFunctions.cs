using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Lambada.Build.Tasks;

/// <summary>
/// MSBuild adapter of <see cref="FunctionScan"/>: maps properties in, logs LMB diagnostics with their
/// file and line, and writes <c>functions.json</c>.
/// </summary>
public sealed class ScanFunctions : Microsoft.Build.Utilities.Task
{
    [Required] public string AssemblyPath { get; set; } = "";
    [Required] public string ManifestPath { get; set; } = "";
    public ITaskItem[] ReferencePaths { get; set; } = [];
    public ITaskItem[] SourceRoots { get; set; } = [];
    public string? DefaultMemorySize { get; set; }
    public string? DefaultTimeout { get; set; }
    public string? DefaultRole { get; set; }
    public bool SelfContained { get; set; }
    public bool PublishAot { get; set; }

    /// <summary>Where to write the generated binding (C#) the package build compiles in.</summary>
    public string? BindingPath { get; set; }

    public override bool Execute()
    {
        var project = new ProjectOptions
        {
            DefaultMemorySize = ParseNumber(nameof(DefaultMemorySize), DefaultMemorySize),
            DefaultTimeout = ParseNumber(nameof(DefaultTimeout), DefaultTimeout),
            DefaultRole = string.IsNullOrWhiteSpace(DefaultRole) ? null : DefaultRole.Trim(),
            SelfContained = SelfContained || PublishAot,
        };
        if (Log.HasLoggedErrors)
            return false;

        var scanOptions = new ScanOptions
        {
            ReferencePaths = ReferencePaths.Select(r => r.GetMetadata("FullPath")).ToArray(),
            SourceRoots = SourceRoots
                .Where(r => !string.IsNullOrEmpty(r.GetMetadata("MappedPath")))
                .Select(r => new SourceRoot(r.GetMetadata("FullPath"), r.GetMetadata("MappedPath")))
                .ToArray(),
        };

        try
        {
            var cecil = typeof(Mono.Cecil.AssemblyDefinition).Assembly;
            Log.LogMessage(MessageImportance.Low, $"Lambada: Mono.Cecil {cecil.GetName().Version} from {cecil.Location}");
            var outcome = FunctionScan.Run(AssemblyPath, ManifestPath, scanOptions, project, string.IsNullOrEmpty(BindingPath) ? null : BindingPath);
            foreach (var diagnostic in outcome.Diagnostics)
                Log.LogDiagnostic(diagnostic);
            if (outcome.Succeeded)
                Log.LogMessage(MessageImportance.Normal, $"Lambada: {outcome.Manifest.Functions.Count} function(s) in {outcome.Manifest.Assembly} -> {ManifestPath}");
        }
        catch (Exception e)
        {
            Log.LogUnexpected(e);
        }
        return !Log.HasLoggedErrors;
    }

    private int? ParseNumber(string property, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            return number;
        Log.LogDiagnostic(DiagnosticCatalogue.InvalidProperty.Create(null, "Lambada" + property, value));
        return null;
    }
}
