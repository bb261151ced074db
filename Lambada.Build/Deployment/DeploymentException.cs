namespace Lambada.Build.Deployment;

/// <summary>A problem that stops one function (or the whole deploy) before AWS was asked to change it.</summary>
public sealed class DeploymentException(string code, string message) : Exception(message)
{
    /// <summary>The LMB code the build reports it under.</summary>
    public string Code { get; } = code;
}
