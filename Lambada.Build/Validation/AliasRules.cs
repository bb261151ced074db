using System.Text.RegularExpressions;
using Lambada.Build.Diagnostics;

namespace Lambada.Build.Validation;

/// <summary>LMB0131: alias names are 1–128 characters of <c>[a-zA-Z0-9-_]</c> and not all digits (those are versions).</summary>
internal static partial class AliasRules
{
    public static IEnumerable<Diagnostic> Check(FunctionUnderCheck f)
    {
        var alias = f.Definition.Alias;
        if (alias is null)
            yield break;
        var problem = alias.Length > 128 ? $"is {alias.Length} characters long"
            : !AliasCharacters().IsMatch(alias) ? "contains characters other than A–Z, a–z, 0–9, '_' and '-'"
            : alias.All(char.IsAsciiDigit) ? "is all digits, which Lambda reads as a version number"
            : null;
        if (problem is not null)
            yield return f.Report(DiagnosticCatalogue.InvalidAlias, alias, problem);
    }

    // \z, not $: $ also matches before a final newline.
    [GeneratedRegex("^[a-zA-Z0-9_-]+\\z")]
    private static partial Regex AliasCharacters();
}
