using Lambada.Build.Diagnostics;
using Lambada.Build.Model;

namespace Lambada.Build.Validation;

/// <summary>
/// LMB0201 and LMB0204: every function of an assembly ships in the one package, so all must run on the same
/// architecture and all on a managed runtime or all on provided.al2023. Each function that differs from the
/// first is reported at its attribute, naming the first.
/// </summary>
internal static class PackageRules
{
    public static IEnumerable<Diagnostic> Check(IReadOnlyList<FunctionUnderCheck> functions)
    {
        if (functions.Count == 0)
            yield break;
        var first = functions[0];
        foreach (var f in functions.Skip(1))
        {
            if (f.Definition.Architecture != first.Definition.Architecture)
                yield return f.Report(DiagnosticCatalogue.ArchitectureMismatch, f.Definition.Architecture, first.Definition.Architecture, Describe(first));
            if (f.Definition.Runtime is not null && first.Definition.Runtime is not null && IsProvided(f) != IsProvided(first))
                yield return f.Report(DiagnosticCatalogue.RuntimeKindMismatch, f.Definition.Runtime, first.Definition.Runtime, Describe(first));
        }
    }

    private static bool IsProvided(FunctionUnderCheck f) => f.Definition.Runtime == RuntimeNames.ProvidedAl2023;

    private static string Describe(FunctionUnderCheck f) =>
        f.Model.Location is null ? f.Definition.Name : $"{f.Definition.Name} at {f.Model.Location}";
}
