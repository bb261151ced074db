using Lambada.Build.Deployment;
using Lambada.Build.Diagnostics;
using Lambada.Build.Model;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Lambada.Build.Tasks;

/// <summary>The deploy's voice in the build log while it runs: progress, retries, and warnings at the function's attribute.</summary>
internal sealed class MSBuildDeployLog(TaskLoggingHelper log) : IDeployLog
{
    public void Info(string message) => log.LogMessage(MessageImportance.High, "Lambada: " + message);

    public void Warning(DiagnosticDescriptor descriptor, FunctionDefinition function, string message) =>
        log.LogDiagnostic(descriptor.Create(function.Source, function.Name, message));

    /// <summary>A retry is one line at normal verbosity (function, operation, reason, next attempt); every other attempt only at -v:d.</summary>
    public void Attempt(string detail, string? retryLine) =>
        log.LogMessage(retryLine is null ? MessageImportance.Low : MessageImportance.High, "Lambada: " + (retryLine ?? detail));
}
