using Lambada.Build.Diagnostics;
using Lambada.Build.Manifest;
using Lambada.Build.Model;

namespace Lambada.Build.Validation;

/// <summary>
/// LMB0160–0161: there is a Lambda runtime for the assembly, and an explicit managed runtime matches its framework.
/// LMB0163: the runtime is one AWS has deprecated (<see cref="RuntimeLifecycle"/>). Only a warning: whether Lambda still takes the deploy
/// depends on create versus update, which the plan knows (<c>Deployment.RuntimeRetirementCheck</c>).
/// </summary>
internal static class RuntimeRules
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
        if (Mismatch(runtime, framework) is { } fix)
            yield return f.Report(DiagnosticCatalogue.RuntimeMismatch, f.Model.MethodId, runtime, framework, fix);
    }

    /// <summary>A runtime that is wrong for the framework (LMB0160/0161) must change anyway, so only a runtime that would deploy is warned about.</summary>
    public static IEnumerable<Diagnostic> CheckRetirement(FunctionUnderCheck f, DateOnly today)
    {
        var runtime = f.Definition.Runtime;
        if (runtime is null || Mismatch(runtime, f.TargetFramework) is not null)
            yield break;
        var retirement = RuntimeLifecycle.Of(runtime);
        if (retirement.IsDeprecatedOn(today))
            yield return f.Report(DiagnosticCatalogue.RuntimeDeprecated, f.Model.MethodId, runtime, RuntimeLifecycle.Format(retirement.Deprecated),
                RuntimeLifecycle.Format(retirement.CreateBlocked), RuntimeLifecycle.Format(retirement.UpdateBlocked), retirement.MoveToText);
    }

    /// <summary>The runtime to write instead, when an explicit managed runtime does not run the assembly's framework.</summary>
    private static string? Mismatch(string runtime, string? framework)
    {
        var frameworkRuntime = TargetFrameworks.ManagedRuntime(framework);
        if (runtime is not (RuntimeNames.Dotnet8 or RuntimeNames.Dotnet10) || framework is null || runtime == frameworkRuntime)
            return null;
        return frameworkRuntime == RuntimeNames.Dotnet8 ? "LambadaRuntime.Dotnet8"
            : frameworkRuntime == RuntimeNames.Dotnet10 ? "LambadaRuntime.Dotnet10"
            : "LambadaRuntime.ProvidedAl2023";
    }
}
