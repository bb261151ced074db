namespace Lambada.Build.Validation;

/// <summary>LMB0160–0161: there is a Lambda runtime for the assembly, and an explicit managed runtime matches its framework.</summary>
public static class RuntimeRules
{
    public static IEnumerable<Diagnostic> Check(FunctionUnderCheck f)
    {
        var runtime = f.Definition.Runtime;
        var framework = f.TargetFramework;
        if (runtime is null)
        {
            yield return f.Report(DiagnosticCatalogue.UnsupportedTargetFramework, f.Model.MethodId, framework ?? "an unknown framework");
            yield break;
        }
        var frameworkRuntime = TargetFrameworks.ManagedRuntime(framework);
        if (runtime is RuntimeNames.Dotnet8 or RuntimeNames.Dotnet10 && framework is not null && runtime != frameworkRuntime)
        {
            var fix = frameworkRuntime == RuntimeNames.Dotnet8 ? "LambadaRuntime.Dotnet8"
                : frameworkRuntime == RuntimeNames.Dotnet10 ? "LambadaRuntime.Dotnet10"
                : "LambadaRuntime.ProvidedAl2023";
            yield return f.Report(DiagnosticCatalogue.RuntimeMismatch, f.Model.MethodId, runtime, framework, fix);
        }
    }
}
