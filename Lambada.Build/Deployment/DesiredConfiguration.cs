using Lambada.Build.Model;

namespace Lambada.Build.Deployment;

/// <summary>What an owned field's desired value is read from: the desired function and the ARN its role resolved to.</summary>
internal sealed record DesiredConfiguration(DesiredFunction Function, string RoleArn)
{
    public FunctionDefinition Definition => Function.Definition;
}
