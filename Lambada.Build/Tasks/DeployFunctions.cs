using Lambada.Build.Deployment;
using Microsoft.Build.Framework;

namespace Lambada.Build.Tasks;

/// <summary>
/// MSBuild adapter of <see cref="FunctionDeploy"/>: creates or updates one Lambda function per attribute (or, with
/// <see cref="PlanOnly"/>, only says what it would change), prints the report table and logs each failed function as
/// one error at its attribute.
/// </summary>
public sealed class DeployFunctions : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly CancellationTokenSource _cancel = new();

    [Required] public string ManifestPath { get; set; } = "";
    [Required] public string PackagePath { get; set; } = "";
    [Required] public string Project { get; set; } = "";

    /// <summary>Where an error of the deploy as a whole points (no credentials, an unknown region): the project, not Lambada's targets.</summary>
    public string? ProjectFile { get; set; }
    public string? Region { get; set; }
    public string? Profile { get; set; }
    public string? S3Bucket { get; set; }
    public string? S3Prefix { get; set; }
    public bool PlanOnly { get; set; }
    public bool Prune { get; set; }
    public bool CreateRoles { get; set; }
    public bool Publish { get; set; }

    /// <summary><c>LambadaFullRead</c>: read every trigger's state, not only where the settings digest changed (see <see cref="DeployOptions.FullRead"/>).</summary>
    public bool FullRead { get; set; }
    public int Parallelism { get; set; } = 4;

    public void Cancel() => _cancel.Cancel();

    public override bool Execute()
    {
        var sdk = typeof(Amazon.Runtime.AWSCredentials).Assembly;
        Log.LogMessage(MessageImportance.Low, $"Lambada: AWSSDK.Core {sdk.GetName().Version} from {sdk.Location}");
        try
        {
            var request = new FunctionDeploy.Request
            {
                ManifestPath = ManifestPath,
                PackagePath = PackagePath,
                ProjectFile = ProjectFile,
                Options = new DeployOptions
                {
                    Project = Project,
                    Region = Blank(Region),
                    Profile = Blank(Profile),
                    S3Bucket = Blank(S3Bucket),
                    S3Prefix = S3Prefix ?? "",
                    PlanOnly = PlanOnly,
                    Prune = Prune,
                    CreateRoles = CreateRoles,
                    Publish = Publish,
                    FullRead = FullRead,
                    Parallelism = Parallelism,
                },
            };
            var outcome = FunctionDeploy.RunAsync(request, new MSBuildDeployLog(Log), _cancel.Token).GetAwaiter().GetResult();
            if (outcome.NothingToDeploy)
                Log.LogMessage(MessageImportance.High, $"Lambada: no functions in {ManifestPath}, nothing to deploy");
            foreach (var line in outcome.Table)
                Log.LogMessage(MessageImportance.High, "  " + line);
            foreach (var diagnostic in outcome.Diagnostics)
                Log.LogDiagnostic(diagnostic);
            if (outcome.Summary is { } summary)
                Log.LogMessage(MessageImportance.High, "Lambada: " + summary);
        }
        catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
        {
            Log.LogWarning("Lambada: deploy cancelled; functions already started may have been changed — run the build again to finish.");
        }
        catch (Exception e)
        {
            Log.LogUnexpected(e);
        }
        return !Log.HasLoggedErrors;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
