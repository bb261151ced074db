using Lambada.Build.Diagnostics;
using Lambada.Build.Model;

namespace Lambada.Build.Validation;

/// <summary>
/// The Validate stage: runs every rule over every function and collects all problems, so one build
/// shows them all.
/// </summary>
internal static class FunctionValidator
{
    private static readonly Func<FunctionUnderCheck, IEnumerable<Diagnostic>>[] Rules =
    [
        NameRules.Check,
        LimitRules.Check,
        EnvironmentRules.Check,
        TagRules.Check,
        RoleRules.Check,
        AliasRules.Check,
        HandlerRules.Check,
        RuntimeRules.Check,
        UrlRules.Check,
        HttpRules.Check,
    ];

    /// <param name="manifest">Built from <paramref name="scan"/>: its functions are in the scan's order.</param>
    /// <param name="today">The UTC day the runtime lifecycle is judged on; today when null.</param>
    public static IReadOnlyList<Diagnostic> Validate(ScanResult scan, FunctionsManifest manifest, DateOnly? today = null)
    {
        var day = today ?? RuntimeLifecycle.Today(TimeProvider.System);
        var functions = scan.Functions
            .Zip(manifest.Functions, (model, definition) => new FunctionUnderCheck(model, definition, manifest.TargetFramework))
            .ToArray();
        return scan.Diagnostics
            .Concat(functions.SelectMany(f => Rules.SelectMany(rule => rule(f))))
            .Concat(functions.SelectMany(f => RuntimeRules.CheckRetirement(f, day)))
            .Concat(UniquenessRules.Check(functions))
            .Concat(PackageRules.Check(functions))
            .Concat(HttpRules.CheckAssembly(functions, manifest))
            .ToArray();
    }
}
