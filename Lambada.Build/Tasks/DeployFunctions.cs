using Lambada.Build.Aws.Configuration;
using Lambada.Build.Aws.Http;
using Lambada.Build.Aws;
using Lambada.Build.Deployment;
using Lambada.Build.Diagnostics;
using Lambada.Build.Manifest;
using Microsoft.Build.Framework;

namespace Lambada.Build.Tasks;

/// <summary>
/// MSBuild adapter of <see cref="Deployer"/>: creates or updates one Lambda function per attribute (or, with
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
    public int Parallelism { get; set; } = 4;

    public void Cancel() => _cancel.Cancel();

    public override bool Execute()
    {
        if (!File.Exists(ManifestPath))
        {
            Log.LogMessage(MessageImportance.High, $"Lambada: no functions in {ManifestPath}, nothing to deploy");
            return true;
        }
        var manifest = ManifestWriter.Read(ManifestPath);
        var redactor = new Redactor(manifest.Functions.SelectMany(f => f.Environment.Values));
        var log = new MSBuildDeployLog(Log, manifest, redactor);
        AwsClients? aws = null;
        try
        {
            var options = new DeployOptions
            {
                Project = Project, Region = Blank(Region), Profile = Blank(Profile), S3Bucket = Blank(S3Bucket), S3Prefix = S3Prefix ?? "",
                PlanOnly = PlanOnly, Prune = Prune, CreateRoles = CreateRoles, Publish = Publish, Parallelism = Parallelism,
            };
            var sdk = typeof(Amazon.Runtime.AWSCredentials).Assembly;
            Log.LogMessage(MessageImportance.Low, $"Lambada: AWSSDK.Core {sdk.GetName().Version} from {sdk.Location}");
            using var clients = aws = AwsClients.Create(options.Region, options.Profile, Environment.GetEnvironmentVariable, RetryPolicy.Default, log.Attempt);
            Log.LogMessage(MessageImportance.High,
                $"Lambada: {(PlanOnly ? "planning" : "deploying")} {manifest.Functions.Count} function(s) of {manifest.Assembly} to {aws.Region}");
            var waiter = new FunctionWaiter(aws.Lambda, log.Info, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(15));
            var codeSha256 = File.ReadAllText(FunctionPackage.HashPath(PackagePath)).Trim();
            var result = new Deployer(aws, options, waiter, log).RunAsync(manifest, PackagePath, codeSha256, _cancel.Token).GetAwaiter().GetResult();
            log.Report(result, PlanOnly);
        }
        catch (AwsConfigurationException e)
        {
            var descriptor = e.Problem switch
            {
                AwsConfigurationProblem.UnknownRegion => DiagnosticCatalogue.UnknownRegion,
                AwsConfigurationProblem.SeveralRegions => DiagnosticCatalogue.SeveralRegions,
                _ => DiagnosticCatalogue.AwsConfiguration,
            };
            // MSBuild prints each line of a message as an error line of its own: the message stays one line whatever it holds.
            var oneLine = string.Join(' ', e.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            DeployWideError(descriptor, manifest.Assembly, oneLine.TrimEnd('.') + WhatChanged(aws), redactor);
        }
        catch (DeploymentException e)
        {
            DeployWideError(DiagnosticCatalogue.ByCode(e.Code), manifest.Assembly, e.Message.TrimEnd('.') + WhatChanged(aws), redactor);
        }
        catch (AwsServiceException e)
        {
            DeployWideError(AwsFailures.Descriptor(e), manifest.Assembly,
                aws?.Http.MutatingRequests > 0 ? e.Summary + WhatChanged(aws) : AwsFailures.DeployMessage(e), redactor);
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

    /// <summary>At the project file when there is one; without a file MSBuild would point at the line of Lambada's targets that ran the task.</summary>
    private void DeployWideError(DiagnosticDescriptor descriptor, string assembly, string message, Redactor redactor)
    {
        var location = string.IsNullOrEmpty(ProjectFile) ? null : new SourceLocation(ProjectFile, 0, 0);
        Log.LogDiagnostic(descriptor.Create(location, assembly, redactor.Apply(message)));
    }

    /// <summary>True whenever the deploy stops as a whole: roles may have been created, functions applied, before the error.</summary>
    private static string WhatChanged(AwsClients? aws) => aws?.Http.MutatingRequests is > 0 and var sent
        ? $". {sent} request(s) that change AWS were already sent, so changes may have been made (a created role is logged above); build again to finish."
        : ". Nothing was changed.";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
