using System.Globalization;
using Lambada.Build.Diagnostics;
using Lambada.Build.Model;
using Microsoft.Build.Framework;

namespace Lambada.Build.Tasks;

/// <summary>
/// MSBuild adapter of <see cref="FunctionScan"/>: maps properties in, logs LMB diagnostics with their
/// file and line, and writes <c>functions.json</c>; and, for the package targets, one line saying how to publish
/// (<see cref="PublishSettingsPath"/>), so that packaging and deploying need no task of their own to decide it.
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

    /// <summary><c>LambadaHttpApiName</c>: the name of the project's HTTP API (default the project's name); the assembly's name when empty.</summary>
    public string? HttpApiName { get; set; }
    public bool SelfContained { get; set; }
    public bool PublishAot { get; set; }

    /// <summary>Where to write the generated binding (C#) the package build compiles in.</summary>
    public string? BindingPath { get; set; }

    /// <summary>
    /// Where to write <c>runtime identifier;self-contained;deployed framework</c> (<c>linux-x64;false;net10.0</c>), read by the
    /// package targets; an empty file when the assembly has no function.
    /// </summary>
    public string? PublishSettingsPath { get; set; }
    public string? TargetFramework { get; set; }
    public string? TargetFrameworks { get; set; }

    /// <summary><c>LambadaTargetFramework</c>: the one framework of a multi-targeting project that is packaged and deployed.</summary>
    public string? DeployedFramework { get; set; }

    public override bool Execute()
    {
        var project = new ProjectOptions
        {
            DefaultMemorySize = ParseNumber(nameof(DefaultMemorySize), DefaultMemorySize),
            DefaultTimeout = ParseNumber(nameof(DefaultTimeout), DefaultTimeout),
            DefaultRole = string.IsNullOrWhiteSpace(DefaultRole) ? null : DefaultRole.Trim(),
            HttpApiName = string.IsNullOrWhiteSpace(HttpApiName) ? null : HttpApiName.Trim(),
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
            var publishSettings = string.IsNullOrEmpty(PublishSettingsPath)
                ? null
                : new FunctionScan.PublishSettingsFile(PublishSettingsPath, TargetFramework, TargetFrameworks, DeployedFramework);
            var outcome = FunctionScan.Run(AssemblyPath, ManifestPath, scanOptions, project, string.IsNullOrEmpty(BindingPath) ? null : BindingPath, publishSettings);
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
