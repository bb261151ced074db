using System.Globalization;
using System.Text;
using Lambada.Build.Diagnostics;

namespace Lambada.Build.Validation;

/// <summary>
/// LMB0120–0123, LMB0166: tag keys and values, and the 50-tag limit less Lambada's ownership tag. Unlike IAM names, AWS tags are
/// Unicode: letters, numbers and spaces of any script, and <c>_ . : / = + - @</c> (<c>^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$</c>,
/// AWS's "Tag naming limits and requirements"); lengths count characters, not UTF-16 units.
/// </summary>
internal static class TagRules
{
    public const int MaxUserTags = 49;
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 256;

    public static IEnumerable<Diagnostic> Check(FunctionUnderCheck f)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in f.Model.Tags)
        {
            var problem = KeyProblem(key);
            if (problem is not null)
                yield return f.Report(DiagnosticCatalogue.InvalidTagKey, key, problem);
            else if (!seen.Add(key))
                yield return f.Report(DiagnosticCatalogue.DuplicateTagKey, key);
            if (Length(value) > MaxValueLength)
                yield return f.Report(DiagnosticCatalogue.TagValueTooLong, key, Length(value));
            else if (FirstInvalid(value) is { } bad)
                yield return f.Report(DiagnosticCatalogue.InvalidTagValue, key, Describe(bad));
        }
        if (f.Model.Tags.Count > MaxUserTags)
            yield return f.Report(DiagnosticCatalogue.TooManyTags, f.Model.Tags.Count);
    }

    private static string? KeyProblem(string key) =>
        key.Length == 0 ? "is empty"
        : Length(key) > MaxKeyLength ? $"is {Length(key)} characters long"
        : key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase) ? "uses the prefix 'aws:' that AWS keeps for itself"
        : key.StartsWith("lambada:", StringComparison.OrdinalIgnoreCase) ? "uses the prefix 'lambada:' that Lambada keeps for its ownership tag"
        : FirstInvalid(key) is { } bad ? $"contains {Describe(bad)}"
        : null;

    private static int Length(string text) => text.EnumerateRunes().Count();

    // A lone surrogate enumerates as U+FFFD, a symbol, so it is refused too.
    private static Rune? FirstInvalid(string text)
    {
        foreach (var rune in text.EnumerateRunes())
            if (!IsAllowed(rune))
                return rune;
        return null;
    }

    private static bool IsAllowed(Rune rune) =>
        Rune.IsLetter(rune) || Rune.IsNumber(rune)
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        || (rune.IsAscii && "_.:/=+-@".Contains((char)rune.Value));

    private static string Describe(Rune rune) => rune.Value < 0x20 || rune.Value == 0x7F || Rune.IsWhiteSpace(rune)
        ? $"U+{rune.Value:X4}"
        : $"'{rune}' (U+{rune.Value:X4})";
}
