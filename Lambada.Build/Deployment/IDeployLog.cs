using Lambada.Build.Diagnostics;
using Lambada.Build.Model;

namespace Lambada.Build.Deployment;

/// <summary>Where the deploy tells the user what it is doing: the MSBuild log in a build, a list in tests.</summary>
internal interface IDeployLog
{
    void Info(string message);

    /// <summary>A warning about <paramref name="function"/>, reported under <paramref name="descriptor"/> at the function's attribute.</summary>
    void Warning(DiagnosticDescriptor descriptor, FunctionDefinition function, string message);

    /// <summary>
    /// An AWS request was tried: <paramref name="retryLine"/> (the function, operation, reason and next attempt) when it will be
    /// tried again, else null; <paramref name="detail"/> is the one-line outcome (<c>GetFunction -> 200</c>) for detailed logs.
    /// </summary>
    void Attempt(string detail, string? retryLine) { }
}
