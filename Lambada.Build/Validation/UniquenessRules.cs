using Lambada.Build.Diagnostics;

namespace Lambada.Build.Validation;

/// <summary>
/// LMB0102 and LMB0149: across the assembly, each function name and each handler method is declared
/// once. Every place is reported, each naming the others.
/// </summary>
internal static class UniquenessRules
{
    public static IEnumerable<Diagnostic> Check(IReadOnlyList<FunctionUnderCheck> functions)
    {
        foreach (var group in functions.GroupBy(f => f.Definition.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            foreach (var f in group)
                yield return f.Report(DiagnosticCatalogue.DuplicateName, f.Definition.Name, Others(group, f));

        foreach (var group in functions.GroupBy(f => f.Model.MethodId, StringComparer.Ordinal).Where(g => g.Count() > 1))
            foreach (var f in group)
                yield return f.Report(DiagnosticCatalogue.HandlerOverloaded, f.Model.MethodId);
    }

    private static string Others(IEnumerable<FunctionUnderCheck> group, FunctionUnderCheck self) =>
        string.Join(", ", group.Where(o => !ReferenceEquals(o, self)).Select(o =>
            o.Model.Location is null ? o.Model.MethodId : $"{o.Model.MethodId} at {o.Model.Location}"));
}
