using Lambada.Build.Diagnostics;
using Lambada.Build.Model;

namespace Lambada.Build.Deployment;

/// <summary>Hands on what the deploy says with the <see cref="Redactor"/>'s values masked, wherever AWS echoed them.</summary>
internal sealed class RedactingDeployLog(IDeployLog inner, Redactor redactor) : IDeployLog
{
    public void Info(string message) => inner.Info(redactor.Apply(message));

    public void Warning(DiagnosticDescriptor descriptor, FunctionDefinition function, string message) =>
        inner.Warning(descriptor, function, redactor.Apply(message));

    public void Attempt(string detail, string? retryLine) => inner.Attempt(detail, retryLine is null ? null : redactor.Apply(retryLine));
}
