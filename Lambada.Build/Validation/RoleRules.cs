using System.Text.RegularExpressions;

namespace Lambada.Build.Validation;

/// <summary>
/// LMB0130: a role is a role ARN (Lambda's own pattern), a bare IAM role name, or a pattern with
/// <c>*</c>/<c>?</c> over whole role ARNs that still names something.
/// </summary>
public static partial class RoleRules
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

    [GeneratedRegex(@"^arn:aws[a-zA-Z-]*:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-/]+$")]
    private static partial Regex RoleArn();

    [GeneratedRegex(@"^[\w+=,.@-]{1,64}$")]
    private static partial Regex RoleName();

    [GeneratedRegex(@"^[\w+=,.@\-/:*?]+$")]
    private static partial Regex PatternCharacters();
}
