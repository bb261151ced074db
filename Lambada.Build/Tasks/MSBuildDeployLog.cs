using System.Globalization;
using Lambada.Build.Aws.Http;
using Lambada.Build.Deployment;
using Lambada.Build.Diagnostics;
using Lambada.Build.Model;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Lambada.Build.Tasks;

/// <summary>The deploy's voice in the build log: progress, retries, the report table, and one error per failed function at its attribute.</summary>
internal sealed class MSBuildDeployLog(TaskLoggingHelper log, FunctionsManifest manifest, Redactor redactor) : IDeployLog
{
    public void Info(string message) => log.LogMessage(MessageImportance.High, "Lambada: " + redactor.Apply(message));

    public void Warning(string code, string function, string message) =>
        Log(DiagnosticCatalogue.ByCode(code), function, message);

    public void Error(DiagnosticDescriptor descriptor, string subject, string message) => Log(descriptor, subject, message);

    /// <summary>A retry is one line at normal verbosity (function, operation, reason, next attempt); every other attempt only at -v:d.</summary>
    public void Attempt(AwsAttempt attempt)
    {
        if (attempt.ProgressLine is { } line)
            log.LogMessage(MessageImportance.High, "Lambada: " + redactor.Apply(line));
        else
            log.LogMessage(MessageImportance.Low, $"Lambada: {attempt.Operation} -> {attempt.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "no response"}");
    }

    public void Report(DeployResult result, bool planOnly)
    {
        // The table's last column says what changed (or will), so a plan needs no lines of its own after it.
        foreach (var line in DeployReport.Format(result.Outcomes))
            log.LogMessage(MessageImportance.High, "  " + redactor.Apply(line));
        foreach (var failed in DeployReport.Ordered(result.Outcomes).Where(o => o.Kind == OutcomeKind.Failed))
        {
            Log(DiagnosticCatalogue.ByCode(failed.ErrorCode!), failed.Name, $"{failed.ErrorMessage?.TrimEnd('.')}. {Steps(failed)}");
        }
        var counts = string.Join(", ", result.Outcomes.GroupBy(o => o.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
        log.LogMessage(MessageImportance.High,
            $"Lambada: {(planOnly ? "plan" : "deploy")} done: {counts}; {result.Requests} AWS request(s), {result.MutatingRequests} of them changing something");
    }

    /// <summary>What was done, what may have been done (sent, never answered) and what was not, for one failed function.</summary>
    public static string Steps(FunctionOutcome failed)
    {
        var parts = new List<string>();
        if (failed.Done.Count > 0)
            parts.Add($"Done: {string.Join(", ", failed.Done)}.");
        if (failed.Unknown.Count > 0)
            parts.Add($"Unknown (sent, never answered): {string.Join(", ", failed.Unknown)}.");
        if (parts.Count == 0)
            parts.Add("Nothing was changed.");
        if (failed.NotDone.Count > 0)
            parts.Add($"Not done: {string.Join(", ", failed.NotDone)}.");
        return string.Join(" ", parts);
    }

    private void Log(DiagnosticDescriptor descriptor, string function, string message)
    {
        var source = manifest.Functions.FirstOrDefault(f => f.Name == function)?.Source;
        log.LogDiagnostic(descriptor.Create(source, function, redactor.Apply(message)));
    }
}
