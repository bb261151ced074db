using System.Text.RegularExpressions;

namespace Lambada.Build.Deployment;

/// <summary>
/// A role as written in an attribute: a full ARN (used as is), a bare name (a role of the caller's account), or
/// lambada's glob (<c>*/lambda_s3_full</c>, <c>*</c> and <c>?</c>) matched against whole role ARNs, paths included.
/// </summary>
internal sealed record RoleSpec(string Text)
{
    public bool IsArn => Text.StartsWith("arn:", StringComparison.Ordinal);
    public bool IsPattern => !IsArn && (Text.Contains('*') || Text.Contains('?'));

    /// <summary>The one role name a spec can mean without listing roles: a bare name, or <c>*/name</c>. Role names cannot hold '/', so <c>*/name</c> matches exactly the role called name, whatever its path.</summary>
    public string? DirectName => IsArn ? null
        : !IsPattern ? Text
        : Text.StartsWith("*/", StringComparison.Ordinal) && Text.IndexOfAny(['*', '?', '/'], 2) < 0 ? Text[2..]
        : null;

    public bool Matches(string roleArn)
    {
        if (IsArn)
            return string.Equals(Text, roleArn, StringComparison.Ordinal);
        if (!IsPattern)
            return string.Equals(RoleName(roleArn), Text, StringComparison.Ordinal);
        var regex = "^" + string.Concat(Text.Select(c => c switch { '*' => ".*", '?' => ".", _ => Regex.Escape(c.ToString()) })) + "$";
        return Regex.IsMatch(roleArn, regex, RegexOptions.CultureInvariant);
    }

    public static string RoleName(string roleArn) => roleArn[(roleArn.LastIndexOf('/') + 1)..];

    public override string ToString() => Text;
}
