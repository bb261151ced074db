using Lambada.Build.Diagnostics;
using Lambada.Build.Model;

namespace Lambada.Build.Validation;

/// <summary>A function as scanned and as it will be deployed — what each rule looks at.</summary>
internal sealed record FunctionUnderCheck(FunctionModel Model, FunctionDefinition Definition, string? TargetFramework)
{
    /// <summary>A diagnostic at this function's attribute, its message prefixed with the function's name.</summary>
    public Diagnostic Report(DiagnosticDescriptor descriptor, params object?[] args)
    {
        var diagnostic = descriptor.Create(Model.Location, args);
        return diagnostic with { Message = $"{Definition.Name}: {diagnostic.Message}" };
    }
}
