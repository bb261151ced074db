using System.Globalization;
using Lambada.Build.Aws;
using Lambada.Build.Aws.Configuration;
using Lambada.Build.Aws.Http;
using Lambada.Build.Deployment;
using Lambada.Build.Diagnostics;
using Lambada.Build.Manifest;
using Lambada.Build.Model;

namespace Lambada.Build;

/// <summary>
/// Manifest → AWS clients → Plan and Apply (<see cref="Deployer"/>) → Report, as one call. Every expected failure ends as a
/// <see cref="Diagnostic"/>: a failed function's at its attribute, one that stops the deploy as a whole at the project file,
/// each saying what was changed and what was not. The manifest's environment values are masked in everything it says.
/// </summary>
internal static class FunctionDeploy
{
    public sealed record Request
    {
        public required DeployOptions Options { get; init; }
        public required string PackagePath { get; init; }
        /// <summary>The functions to deploy; read from <see cref="ManifestPath"/> when null.</summary>
        public FunctionsManifest? Manifest { get; init; }
        public string? ManifestPath { get; init; }
        /// <summary>The package's hash; read from the file the package step writes beside it when null.</summary>
        public string? CodeSha256 { get; init; }
        /// <summary>Where an error of the deploy as a whole points (no credentials, an unknown region): the project, not Lambada's targets.</summary>
        public string? ProjectFile { get; init; }
        public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
        public RetryPolicy Retry { get; init; } = RetryPolicy.Default;
        /// <summary>Sees every attempt of every AWS request (tests count them); the log hears of them too.</summary>
        public Action<AwsAttempt>? Attempts { get; init; }
        public WaitTimings Waits { get; init; } = WaitTimings.Default;
    }

    /// <param name="Result">Null when the deploy stopped as a whole (or there was nothing to deploy).</param>
    /// <param name="Table">The report table (<see cref="DeployReport"/>), masked.</param>
    /// <param name="Summary">The line after the table and the errors: counts and requests.</param>
    public sealed record Outcome(DeployResult? Result, IReadOnlyList<string> Table, IReadOnlyList<Diagnostic> Diagnostics, string? Summary)
    {
        /// <summary>No manifest: the project declares no function.</summary>
        public bool NothingToDeploy { get; init; }

        /// <summary>The exception behind a deploy that stopped as a whole, for callers that look further than its diagnostic.</summary>
        public Exception? Failure { get; init; }

        public bool Succeeded => !Diagnostics.Any(d => d.IsError);
    }

    public static async Task<Outcome> RunAsync(Request request, IDeployLog log, CancellationToken cancellation)
    {
        if (request.Manifest is null && !File.Exists(request.ManifestPath))
            return new Outcome(null, [], [], null) { NothingToDeploy = true };
        var manifest = request.Manifest ?? ManifestWriter.Read(request.ManifestPath!);
        var redactor = new Redactor(manifest.Functions.SelectMany(f => f.Environment.Values));
        var masked = new RedactingDeployLog(log, redactor);
        var options = request.Options;
        AwsClients? aws = null;
        try
        {
            using var clients = aws = AwsClients.Create(options.Region, options.Profile, request.Environment, request.Retry, attempt =>
            {
                request.Attempts?.Invoke(attempt);
                masked.Attempt($"{attempt.Operation} -> {attempt.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "no response"}", attempt.ProgressLine);
            });
            log.Info($"{(options.PlanOnly ? "planning" : "deploying")} {manifest.Functions.Count} function(s) of {manifest.Assembly} to {aws.Region}");
            var waiter = new FunctionWaiter(aws.Lambda, masked.Info, request.Waits);
            var codeSha256 = request.CodeSha256 ?? File.ReadAllText(FunctionPackage.HashPath(request.PackagePath)).Trim();
            var result = await new Deployer(aws, options, waiter, masked).RunAsync(manifest, request.PackagePath, codeSha256, cancellation).ConfigureAwait(false);
            return Reported(result, manifest, redactor, options.PlanOnly);
        }
        catch (AwsConfigurationException e)
        {
            // MSBuild prints each line of a message as an error line of its own: the message stays one line whatever it holds.
            var oneLine = string.Join(' ', e.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            return Stopped(e, AwsFailures.Descriptor(e), oneLine.TrimEnd('.') + WhatChanged(aws));
        }
        catch (LambadaException e)
        {
            return Stopped(e, e.Descriptor, DeployFailure.What(e).TrimEnd('.') + WhatChanged(aws));
        }
        catch (AwsServiceException e)
        {
            return Stopped(e, AwsFailures.Descriptor(e), aws?.Http.MutatingRequests > 0 ? e.Summary + WhatChanged(aws) : AwsFailures.DeployMessage(e));
        }

        Outcome Stopped(Exception failure, DiagnosticDescriptor descriptor, string message)
        {
            // Without a file MSBuild would point at the line of Lambada's targets that ran the task.
            var location = string.IsNullOrEmpty(request.ProjectFile) ? null : new SourceLocation(request.ProjectFile, 0, 0);
            return new Outcome(null, [], [descriptor.Create(location, manifest.Assembly, redactor.Apply(message))], null) { Failure = failure };
        }
    }

    /// <summary>The table, then one error per failed function at its attribute, in the table's order.</summary>
    private static Outcome Reported(DeployResult result, FunctionsManifest manifest, Redactor redactor, bool planOnly)
    {
        var errors = DeployReport.Ordered(result.Outcomes).Where(o => o.Kind == OutcomeKind.Failed).Select(failed =>
        {
            var error = failed.Error ?? throw new InvalidOperationException($"{failed.Name} failed without a descriptor");
            var source = manifest.Functions.FirstOrDefault(f => f.Name == failed.Name)?.Source;
            return error.Create(source, failed.Name, redactor.Apply($"{failed.ErrorMessage?.TrimEnd('.')}. {DeployReport.Steps(failed)}"));
        }).ToList();
        // The trigger lines (function URLs, routes' invoke URLs) follow the table, masked like it.
        return new Outcome(result, DeployReport.Format(result.Outcomes).Concat(result.TriggerLines).Select(redactor.Apply).ToList(), errors,
            DeployReport.Summary(result, planOnly));
    }

    /// <summary>True whenever the deploy stops as a whole: roles may have been created, functions applied, before the error.</summary>
    private static string WhatChanged(AwsClients? aws) => aws?.Http.MutatingRequests is > 0 and var sent
        ? $". {sent} request(s) that change AWS were already sent, so changes may have been made (a created role is logged above); build again to finish."
        : ". Nothing was changed.";
}
