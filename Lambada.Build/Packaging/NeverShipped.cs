using System.Text.RegularExpressions;
using Lambada.Build.Diagnostics;

namespace Lambada.Build.Packaging;

/// <summary>
/// The files a publish output can carry that never go into a Lambda package unless the project names them in a
/// <c>LambadaPackageInclude</c> item: they hold a developer's own settings or secrets, and nothing in Lambda reads
/// them. Each one left out is an LMB0206 warning; an include that matches no file is LMB0207.
/// Patterns match the file name in any folder of the package, ignoring case (a file a Linux host would not load
/// under its exact name can still hold a secret).
/// </summary>
internal static class NeverShipped
{
    public sealed record Rule(string Pattern, string Why)
    {
        private readonly Regex _regex = new("^" + Regex.Escape(Pattern).Replace("\\*", ".*") + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public bool Matches(string fileName) => _regex.IsMatch(fileName);
    }

    /// <summary>The one list, with why each file stays on the developer's machine.</summary>
    public static IReadOnlyList<Rule> Rules { get; } =
    [
        new("appsettings.Development.json", "the Development environment's settings (local connection strings, keys, verbose logging) are for a developer's machine, not a deployed function"),
        new("appsettings.Local.json", "local overrides are one machine's settings, kept out of source control by convention"),
        new("appsettings.*.local.json", "local overrides are one machine's settings, kept out of source control by convention"),
        new("*.user", "IDE per-user settings belong to one developer"),
        new(".env", "a dotenv file holds secrets for local runs; a function gets its environment from its configuration ([LambadaEnvironment])"),
        new(".env.*", "a dotenv file holds secrets for local runs; a function gets its environment from its configuration ([LambadaEnvironment])"),
        new("secrets.json", "the user-secrets store ('dotnet user-secrets') never leaves the developer's machine"),
    ];

    public sealed record Selection(IReadOnlyList<PackageEntry> Shipped, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>
    /// Leaves out every entry a rule matches unless <paramref name="include"/> names its path in the package
    /// ('/' or '\' separated, ignoring case). <paramref name="project"/> is where the warnings point: the fix goes there.
    /// </summary>
    public static Selection Select(IReadOnlyList<PackageEntry> entries, IReadOnlyCollection<string> include, string assemblyName, string? project)
    {
        var included = include.Select(Normalize).Where(i => i.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var location = string.IsNullOrEmpty(project) ? null : new SourceLocation(project, 0, 0);
        var shipped = new List<PackageEntry>();
        var diagnostics = new List<Diagnostic>();
        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var rule = RuleFor(entry.Name);
            if (rule is null || included.Contains(entry.Name))
                shipped.Add(entry);
            else
                diagnostics.Add(DiagnosticCatalogue.FileLeftOutOfPackage.Create(location, entry.Name, assemblyName, rule.Why));
        }
        var names = entries.Select(e => e.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var missing in included.Where(i => !names.Contains(i)).Order(StringComparer.Ordinal))
            diagnostics.Add(DiagnosticCatalogue.PackageIncludeUnmatched.Create(location, missing, assemblyName));
        return new Selection(shipped, diagnostics);
    }

    public static Rule? RuleFor(string entryName)
    {
        var fileName = entryName[(entryName.LastIndexOf('/') + 1)..];
        return Rules.FirstOrDefault(r => r.Matches(fileName));
    }

    private static string Normalize(string path)
    {
        var name = path.Trim().Replace('\\', '/');
        while (name.StartsWith("./", StringComparison.Ordinal))
            name = name[2..];
        return name;
    }
}
