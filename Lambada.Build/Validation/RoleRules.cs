using System.Text.RegularExpressions;
using Lambada.Build.Diagnostics;

namespace Lambada.Build.Validation;

/// <summary>
/// LMB0130: a role is a role ARN (Lambda's own pattern, without empty path segments), a bare IAM role name, or a pattern with
/// <c>*</c>/<c>?</c> over whole role ARNs that still names something. IAM names, paths and account ids are ASCII; the classes
/// below spell ASCII out because <c>\w</c> and <c>\d</c> match any script's letters and digits in .NET.
/// </summary>
internal static partial class RoleRules
{
    public static IEnumerable<Diagnostic> Check(FunctionUnderCheck f)
    {
        var role = f.Definition.Role;
        var problem = Problem(role);
        if (problem is not null)
            yield return f.Report(DiagnosticCatalogue.InvalidRole, role, problem);
    }

    public static bool IsPattern(string role) => role.Contains('*') || role.Contains('?');

    private static string? Problem(string role)
    {
        if (role.FirstOrDefault(c => !char.IsAscii(c)) is var other and not '\0')
            return $"contains '{other}', but IAM names, paths and account ids are ASCII";
        if (role.Contains("//", StringComparison.Ordinal))
            return "has an empty path segment ('//'), which no role ARN has";
        if (IsPattern(role))
        {
            if (!PatternCharacters().IsMatch(role))
                return "has characters a role ARN cannot contain";
            if (role.Trim('*', '?', '/', ':').Length == 0)
                return "would match every role";
            return role.EndsWith('/') ? "ends with '/' so it cannot match a role name" : null;
        }
        if (role.StartsWith("arn:", StringComparison.Ordinal))
            return RoleArn().IsMatch(role) ? null : "is not a valid role ARN";
        return RoleName().IsMatch(role) ? null : "is not a valid role name";
    }

    // Lambda's Role pattern (arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+) read as IAM writes role ARNs:
    // role/, then path segments ending in '/', then the name.
    [GeneratedRegex(@"^arn:aws[a-zA-Z-]*:iam::[0-9]{12}:role/(?:[a-zA-Z0-9_+=,.@-]+/)*[a-zA-Z0-9_+=,.@-]{1,64}\z")]
    private static partial Regex RoleArn();

    [GeneratedRegex(@"^[a-zA-Z0-9_+=,.@-]{1,64}\z")]
    private static partial Regex RoleName();

    [GeneratedRegex(@"^[a-zA-Z0-9_+=,.@\-/:*?]+\z")]
    private static partial Regex PatternCharacters();
}
