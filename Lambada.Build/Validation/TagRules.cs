namespace Lambada.Build.Validation;

/// <summary>LMB0120–0123: tag keys and values, and the 50-tag limit less Lambada's ownership tag.</summary>
public static class TagRules
{
    public const int MaxUserTags = 49;

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
            if (value.Length > 256)
                yield return f.Report(DiagnosticCatalogue.TagValueTooLong, key, value.Length);
        }
        if (f.Model.Tags.Count > MaxUserTags)
            yield return f.Report(DiagnosticCatalogue.TooManyTags, f.Model.Tags.Count);
    }

    private static string? KeyProblem(string key) =>
        key.Length == 0 ? "is empty"
        : key.Length > 128 ? $"is {key.Length} characters long"
        : key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase) ? "uses the prefix 'aws:' that AWS keeps for itself"
        : key.StartsWith("lambada:", StringComparison.OrdinalIgnoreCase) ? "uses the prefix 'lambada:' that Lambada keeps for its ownership tag"
        : null;
}
