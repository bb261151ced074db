using System.Text.RegularExpressions;
using Lambada.Build.Diagnostics;

namespace Lambada.Build.Validation;

/// <summary>LMB0101: Lambda function names are 1–64 characters of <c>[A-Za-z0-9_-]</c>.</summary>
internal static partial class NameRules
{
    public const int MaxLength = 64;

    public static IEnumerable<Diagnostic> Check(FunctionUnderCheck f)
    {
        var reason = Problem(f.Definition.Name);
        if (reason is not null)
            yield return f.Report(DiagnosticCatalogue.InvalidName, f.Definition.Name, reason);
    }

    private static string? Problem(string name)
    {
        if (name.Length == 0)
            return "is empty";
        if (name.Length > MaxLength)
            return $"is {name.Length} characters long";
        var bad = InvalidCharacter().Match(name);
        return bad.Success ? $"contains '{bad.Value}'" : null;
    }

    // Spelled out: \w would let any script's letters through, and Lambda's names are ASCII.
    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex InvalidCharacter();
}
